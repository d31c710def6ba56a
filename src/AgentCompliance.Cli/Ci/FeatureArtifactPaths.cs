using AgentCompliance.Scenarios.Discovery;

namespace AgentCompliance.Cli.Ci;

/// <summary>
/// Maps a scenario's feature file (relative to the features root it was found under, as in scenario IDs) to its path
/// relative to the working directory, which is what SARIF viewers and GitHub annotations resolve against the
/// repository. A file outside the working directory, or a relative path found under two roots, stays as it is.
/// </summary>
internal static class FeatureArtifactPaths
{
    public static Func<string, string> Create(IEnumerable<string> featureSources, string workingDirectory)
    {
        var map = FeatureFileDiscovery.Discover(featureSources, workingDirectory)
            .Where(file => !Path.IsPathRooted(file.DisplayPath))
            .GroupBy(file => file.RelativePath, StringComparer.Ordinal)
            .Where(group => group.Select(file => file.DisplayPath).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(group => group.Key, group => group.First().DisplayPath, StringComparer.Ordinal);
        return featureFile => map.TryGetValue(featureFile, out var path) ? path : featureFile;
    }
}
