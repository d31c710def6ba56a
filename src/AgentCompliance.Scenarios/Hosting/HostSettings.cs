using System.Reflection;
using AgentCompliance.Core.Redaction;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>What one run tells the hosted Reqnroll runtime; registered in its global container.</summary>
/// <param name="BindingAssemblies">Every assembly whose [Binding] classes take part in the run.</param>
/// <param name="StepTimeout">Longest a step or hook may run; null for no limit.</param>
/// <param name="Interruption">Cancelled when the user interrupts the run; running steps are abandoned then.</param>
/// <param name="MessagesFilePath">Where the Cucumber messages (ndjson) go; null to write none.</param>
/// <param name="SharedContext">Instances registered in every test-thread container for context injection.</param>
internal sealed record HostSettings(
    IReadOnlyList<Assembly> BindingAssemblies,
    TimeSpan? StepTimeout,
    CancellationToken Interruption,
    string? MessagesFilePath,
    IReadOnlyList<object> SharedContext)
{
    /// <summary>Applied to every error message and evidence item before a result is recorded.</summary>
    public Redactor Redactor { get; init; } = Redactor.PatternsOnly;
}
