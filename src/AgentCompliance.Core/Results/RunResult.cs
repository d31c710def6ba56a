using AgentCompliance.Core.Gating;

namespace AgentCompliance.Core.Results;

/// <summary>
/// Everything one run produced. Writers and the gate read only this; it is complete (and marked
/// <see cref="Interrupted"/>) even when the run was cancelled or a step crashed.
/// </summary>
public sealed record RunResult
{
    public required string ToolVersion { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>True when the run did not complete; scenarios never started have status <see cref="ResultStatus.NotRun"/>.</summary>
    public bool Interrupted { get; init; }

    public string? InterruptionReason { get; init; }

    public IReadOnlyList<ScenarioResult> Scenarios { get; init; } = [];

    /// <summary>Problems found while loading inputs that did not stop the run (e.g. one feature file failed to parse).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public RunSummary Summary => RunSummary.From(Scenarios);

    /// <summary>Set when this result holds one shard of a split run (<c>run --shard K/N</c>); null for a whole run or a merge.</summary>
    public RunShard? Shard { get; init; }

    /// <summary>The release gate's verdict, once evaluated (see <see cref="GateEvaluator"/>); null before.</summary>
    public GateVerdict? Gate { get; init; }
}
