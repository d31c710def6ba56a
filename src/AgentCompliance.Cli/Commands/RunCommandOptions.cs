namespace AgentCompliance.Cli.Commands;

/// <summary>The parsed options of <c>agentcompliance run</c>.</summary>
/// <param name="ProfilePath">Target profile; accepted and forwarded, not applied by the engine yet.</param>
/// <param name="Features">Folders, feature files or globs; <c>features/</c> when none is given.</param>
/// <param name="Bindings">User binding DLLs.</param>
/// <param name="Tags">Cucumber tag expression, or null for all scenarios.</param>
/// <param name="Parallel">Features run at once.</param>
/// <param name="StepTimeoutSeconds">Per-step time limit in seconds, or null for none.</param>
/// <param name="OutputDirectory">Where results and Cucumber messages go.</param>
public sealed record RunCommandOptions(
    string? ProfilePath,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Bindings,
    string? Tags,
    int Parallel,
    double? StepTimeoutSeconds,
    string OutputDirectory);
