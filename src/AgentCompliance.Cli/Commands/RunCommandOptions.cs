using AgentCompliance.Core.Configuration;
using AgentCompliance.Scenarios.Filtering;

namespace AgentCompliance.Cli.Commands;

/// <summary>The parsed options of <c>agentcompliance run</c>; anything left empty falls back to the profile.</summary>
/// <param name="ProfilePath">Target profile; <c>./agentcompliance.yaml</c> is used when present and none is given.</param>
/// <param name="Features">Folders, feature files or globs; the profile's <c>features</c>, else <c>features/</c>.</param>
/// <param name="Bindings">User binding DLLs, added to the profile's <c>bindings</c>.</param>
/// <param name="Tags">Cucumber tag expression, or null for all scenarios.</param>
/// <param name="Parallel">Features run at once.</param>
/// <param name="StepTimeoutSeconds">Per-step time limit in seconds; the profile's <c>timeouts.stepSeconds</c> when null.</param>
/// <param name="OutputDirectory">Where results, JUnit XML and Cucumber messages go.</param>
/// <param name="ReportOnly">Report failures without failing the process (also <c>gate.mode: report-only</c>).</param>
/// <param name="TemplatesDirectory">Report templates overriding the built-in ones, for the threat-model reports.</param>
/// <param name="Gate">Waivers, baseline and thresholds overriding the profile's gate policy.</param>
/// <param name="Profile">A profile built in memory (e.g. for a deployment the command started itself), used instead of <paramref name="ProfilePath"/>.</param>
/// <param name="Shard">Run only this shard of the selection (<c>--shard K/N</c>); null runs all of it.</param>
/// <param name="CiSummaryPath">File the Markdown job summary is appended to; <c>$GITHUB_STEP_SUMMARY</c> when null.</param>
public sealed record RunCommandOptions(
    string? ProfilePath,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Bindings,
    string? Tags,
    int Parallel,
    double? StepTimeoutSeconds,
    string OutputDirectory,
    bool ReportOnly = false,
    string? TemplatesDirectory = null,
    RunGateOptions? Gate = null,
    TargetProfile? Profile = null,
    ScenarioShard? Shard = null,
    string? CiSummaryPath = null);
