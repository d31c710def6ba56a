namespace AgentCompliance.Reporting.Json;

/// <summary>The gate's verdict in results.json.</summary>
internal sealed record GateDocument
{
    public required bool Passed { get; init; }

    public required bool ReportOnly { get; init; }

    public required int ExitCode { get; init; }

    public required IReadOnlyList<GateReasonDocument> Reasons { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>True on a shard: coverage rules were left to the merge. Optional so files written before it existed still read.</summary>
    public bool CoverageDeferred { get; init; }
}
