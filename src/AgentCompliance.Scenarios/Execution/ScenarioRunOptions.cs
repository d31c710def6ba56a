namespace AgentCompliance.Scenarios.Execution;

/// <summary>What to run and how; relative paths are resolved against <see cref="WorkingDirectory"/>.</summary>
public sealed record ScenarioRunOptions
{
    /// <summary>Folders, <c>.feature</c> files or glob patterns (e.g. <c>features/**/auth*.feature</c>).</summary>
    public IReadOnlyList<string> FeatureSources { get; init; } = ["features"];

    /// <summary>Users' binding DLLs, in addition to the engine's built-in step library.</summary>
    public IReadOnlyList<string> BindingAssemblyPaths { get; init; } = [];

    /// <summary>Cucumber tag expression selecting scenarios; null or empty selects all.</summary>
    public string? TagExpression { get; init; }

    /// <summary>
    /// Run only this shard of the selection (after tag filtering; see <see cref="Filtering.ShardSplitter"/>); the
    /// result records it in <see cref="Core.Results.RunResult.Shard"/>. Null runs the whole selection.
    /// </summary>
    public Filtering.ScenarioShard? Shard { get; init; }

    /// <summary>How many features run at once; each concurrently running scenario gets its own runtime state.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Longest a step (or hook) may run before it fails with "step timed out after N s"; null for no limit.</summary>
    public TimeSpan? StepTimeout { get; init; }

    /// <summary>Folder for the run's Cucumber messages (<c>messages.ndjson</c>); null writes none.</summary>
    public string? MessagesDirectory { get; init; }

    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// Objects step bindings receive by context injection (for example the loaded target profile). One instance is
    /// shared by every scenario, including parallel ones, so they must not change once the run starts.
    /// </summary>
    public IReadOnlyList<object> SharedContext { get; init; } = [];
}
