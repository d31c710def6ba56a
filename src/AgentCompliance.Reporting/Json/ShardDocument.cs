namespace AgentCompliance.Reporting.Json;

/// <summary>Which shard of a split run a results.json holds; absent for whole runs and merges.</summary>
internal sealed record ShardDocument
{
    public required int Index { get; init; }

    public required int Count { get; init; }

    public required int SelectedTotal { get; init; }

    /// <summary>Each listed scenario's position in the unsharded selection, in listing order.</summary>
    public required IReadOnlyList<int> Positions { get; init; }
}
