using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Parsing;

namespace AgentCompliance.Scenarios.Filtering;

/// <summary>
/// Splits a selection of scenarios across N shards: sorted by <see cref="ShardKey"/>, the i-th scenario goes to shard
/// (i mod N) + 1. Round-robin keeps shards within one scenario of each other in size, and because the key is the same
/// on every machine, the shards of one selection are disjoint and together hold exactly that selection.
/// </summary>
public static class ShardSplitter
{
    /// <summary>
    /// The positions in <paramref name="keys"/> (the unsharded selection) that belong to <paramref name="shard"/>,
    /// ascending, so a shard runs its scenarios in the order the unsharded run would.
    /// </summary>
    public static IReadOnlyList<int> PositionsFor(IReadOnlyList<ShardKey> keys, ScenarioShard shard)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(shard);

        // OrderBy is stable: equal keys (which discovery's de-duplication should make impossible) keep selection order.
        return keys
            .Select((key, position) => (Key: key, Position: position))
            .OrderBy(entry => entry.Key)
            .Where((_, rank) => rank % shard.Count == shard.Index - 1)
            .Select(entry => entry.Position)
            .Order()
            .ToList();
    }

    /// <summary>The key of a scenario of <paramref name="file"/>, relative to <paramref name="workingDirectory"/>.</summary>
    /// <remarks>A feature outside the working directory gets a <c>../</c> path, which is still the same on every
    /// checkout of one repository layout.</remarks>
    public static ShardKey KeyOf(FeatureFile file, PlannedScenario scenario, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var relative = Path.GetRelativePath(Path.GetFullPath(workingDirectory), file.FullPath).Replace('\\', '/');
        return new ShardKey(relative, scenario.Line, scenario.PickleIndex);
    }
}
