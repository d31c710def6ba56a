namespace AgentCompliance.Core.Results;

/// <summary>
/// Marks a result as one part of a run split across machines (<c>run --shard K/N</c>); <c>merge</c> joins the parts
/// back into one run and checks with this that every part is there exactly once.
/// </summary>
/// <param name="Index">This shard, 1-based (K of K/N).</param>
/// <param name="Count">How many shards the selection was split into (N of K/N).</param>
/// <param name="SelectedTotal">Scenarios (and example rows) selected before the split, over all shards.</param>
public sealed record RunShard(int Index, int Count, int SelectedTotal)
{
    /// <summary>
    /// For each scenario of this shard, in the order the result lists them, its position in the unsharded selection
    /// (0-based): merging puts the scenarios back in the order an unsharded run lists them.
    /// </summary>
    public IReadOnlyList<int> Positions { get; init; } = [];
}
