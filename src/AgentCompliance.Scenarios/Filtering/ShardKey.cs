namespace AgentCompliance.Scenarios.Filtering;

/// <summary>
/// Where a selected scenario (or example row) sits, in terms every machine of a CI matrix agrees on: the feature
/// file relative to the working directory with '/' separators, the line, and the pickle's position in its feature.
/// Shards are assigned in this order, so a split never depends on absolute paths or the order files were found in.
/// </summary>
/// <param name="FeaturePath">Relative to the working directory, '/'-separated.</param>
/// <param name="Line">Line of the scenario, or of the example row.</param>
/// <param name="PickleIndex">Position among the feature's pickles; breaks ties.</param>
public sealed record ShardKey(string FeaturePath, int Line, int PickleIndex) : IComparable<ShardKey>
{
    public int CompareTo(ShardKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = string.CompareOrdinal(FeaturePath, other.FeaturePath);
        if (byPath != 0)
        {
            return byPath;
        }

        var byLine = Line.CompareTo(other.Line);
        return byLine != 0 ? byLine : PickleIndex.CompareTo(other.PickleIndex);
    }
}
