namespace AgentCompliance.Scenarios.Execution;

/// <summary>How a <see cref="ScenarioSession"/> hosts the runtime; relative paths are resolved against
/// <see cref="WorkingDirectory"/>. Which scenarios run is the caller's choice, scenario by scenario.</summary>
public sealed record ScenarioSessionOptions
{
    /// <summary>Users' binding DLLs, in addition to the engine's built-in step library.</summary>
    public IReadOnlyList<string> BindingAssemblyPaths { get; init; } = [];

    /// <summary>Longest a step (or hook) may run before it fails with "step timed out after N s"; null for no limit.</summary>
    public TimeSpan? StepTimeout { get; init; }

    /// <summary>Folder for the session's Cucumber messages (<c>messages.ndjson</c>); null writes none.</summary>
    public string? MessagesDirectory { get; init; }

    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Objects step bindings receive by context injection (see <see cref="ScenarioRunOptions.SharedContext"/>).</summary>
    public IReadOnlyList<object> SharedContext { get; init; } = [];
}
