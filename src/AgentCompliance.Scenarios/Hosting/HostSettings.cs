using System.Reflection;
using AgentCompliance.Core.Redaction;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>What one run tells the hosted Reqnroll runtime; registered in its global container.</summary>
/// <param name="BindingAssemblies">Every assembly whose [Binding] classes take part in the run.</param>
/// <param name="StepTimeout">Longest a step or hook may run; null for no limit.</param>
/// <param name="Interruption">Cancelled when the user interrupts the run; running steps are abandoned then.</param>
/// <param name="WritesMessages">True when the run writes Cucumber messages: recorders then also keep the bindings
/// each step matched and when steps and hooks ran, which the messages need and results do not.</param>
/// <param name="SharedContext">Instances registered in every test-thread container for context injection.</param>
internal sealed record HostSettings(
    IReadOnlyList<Assembly> BindingAssemblies,
    TimeSpan? StepTimeout,
    CancellationToken Interruption,
    bool WritesMessages,
    IReadOnlyList<object> SharedContext)
{
    /// <summary>Applied to every error message and evidence item before a result is recorded.</summary>
    public Redactor Redactor { get; init; } = Redactor.PatternsOnly;
}
