namespace AgentCompliance.Cli.Commands;

/// <summary>The parsed options of <c>agentcompliance merge</c>.</summary>
/// <param name="ShardResults">results.json files, folders holding one, or globs of either.</param>
/// <param name="OutputDirectory">Where the merged results.json, junit.xml and threat-model files go.</param>
/// <param name="ProfilePath">Target profile for the gate, catalogs and system model; <c>./agentcompliance.yaml</c> when present and none is given.</param>
/// <param name="ReportOnly">Report failures without failing the process.</param>
/// <param name="TemplatesDirectory">Report templates overriding the built-in threat-model reports.</param>
/// <param name="Gate">Waivers, baseline and thresholds overriding the profile's gate policy.</param>
public sealed record MergeCommandOptions(
    IReadOnlyList<string> ShardResults,
    string OutputDirectory,
    string? ProfilePath = null,
    bool ReportOnly = false,
    string? TemplatesDirectory = null,
    RunGateOptions? Gate = null);
