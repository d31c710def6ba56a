using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Gating;

/// <summary>The gate's decision about one run, with every reason it failed and notes worth reading when it passed.</summary>
public sealed record GateVerdict
{
    public IReadOnlyList<GateReason> Reasons { get; init; } = [];

    /// <summary>Things that did not fail the gate but a reviewer should see (unused waivers, ignored existing failures).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Computed and reported, but the exit code is 0 unless the run could not complete.</summary>
    public bool ReportOnly { get; init; }

    /// <summary>
    /// True on one shard of a split run: untested required controls and minimum pass rates were not judged, because
    /// only the merged shards show what the whole run tested.
    /// </summary>
    public bool CoverageDeferred { get; init; }

    public bool Passed => Reasons.Count == 0;

    /// <summary>True when a reason blames the scenario with this ID (see <see cref="GateReason.ScenarioIds"/>).</summary>
    public bool Blames(string scenarioId) => Reasons.Any(r => r.ScenarioIds.Contains(scenarioId, StringComparer.Ordinal));

    public bool RunIncomplete => Reasons.Any(r => r.Kind == GateReasonKind.RunIncomplete);

    /// <summary>3 when the run did not complete (even in report-only mode: nothing was verified); else 0 or 1.</summary>
    public int ExitCode => RunIncomplete ? ExitCodes.CouldNotRun : Passed || ReportOnly ? ExitCodes.Success : ExitCodes.GateFailed;
}
