using AgentCompliance.Core.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace AgentCompliance.Scenarios.Discovery;

/// <summary>
/// Turns the user's <c>--features</c> values (folders, single files or glob patterns such as
/// <c>features/**/auth*.feature</c>) into a de-duplicated, deterministically ordered list of feature files.
/// A source that matches nothing is an error: a compliance gate that silently ran zero scenarios would pass.
/// </summary>
public static class FeatureFileDiscovery
{
    private const string FeatureExtension = ".feature";
    private static readonly char[] GlobCharacters = ['*', '?', '[', '{'];

    public static IReadOnlyList<FeatureFile> Discover(IEnumerable<string> sources, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);

        var problems = new List<InputProblem>();
        var files = new List<FeatureFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (string.IsNullOrWhiteSpace(source))
            {
                problems.Add(new InputProblem("--features", 0, 0, "empty features path", "pass a folder, a .feature file or a glob such as features/**/*.feature"));
                continue;
            }

            foreach (var file in DiscoverOne(source.Trim(), workingDirectory, problems))
            {
                if (seen.Add(file.FullPath))
                {
                    files.Add(file);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return files;
    }

    private static IEnumerable<FeatureFile> DiscoverOne(string source, string workingDirectory, List<InputProblem> problems)
    {
        var globStart = source.IndexOfAny(GlobCharacters);
        if (globStart >= 0)
        {
            return DiscoverGlob(source, globStart, workingDirectory, problems);
        }

        var fullPath = Path.GetFullPath(source, workingDirectory);
        if (Directory.Exists(fullPath))
        {
            var found = Directory.EnumerateFiles(fullPath, "*" + FeatureExtension, SearchOption.AllDirectories)
                .Where(path => path.EndsWith(FeatureExtension, StringComparison.OrdinalIgnoreCase))
                .Select(path => Describe(path, fullPath, workingDirectory))
                .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0)
            {
                problems.Add(new InputProblem(source, 0, 0, "no .feature files in this folder", "add feature files or point --features at the folder that holds them"));
            }

            return found;
        }

        if (File.Exists(fullPath))
        {
            if (!fullPath.EndsWith(FeatureExtension, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new InputProblem(source, 0, 0, "not a .feature file", "--features takes folders, .feature files or glob patterns"));
                return [];
            }

            return [Describe(fullPath, Path.GetDirectoryName(fullPath)!, workingDirectory)];
        }

        problems.Add(new InputProblem(source, 0, 0, "features folder or file not found", "create it, or pass --features with an existing folder, file or glob"));
        return [];
    }

    private static List<FeatureFile> DiscoverGlob(string source, int globStart, string workingDirectory, List<InputProblem> problems)
    {
        // Everything before the segment holding the first wildcard is a plain folder: it becomes the features root,
        // so scenario IDs stay relative to it however deep the pattern reaches.
        var normalized = source.Replace('\\', '/');
        var lastSeparatorBeforeGlob = normalized.LastIndexOf('/', globStart);
        var baseFolder = lastSeparatorBeforeGlob < 0 ? "." : normalized[..lastSeparatorBeforeGlob];
        if (baseFolder.Length == 0)
        {
            baseFolder = "/";
        }

        var pattern = normalized[(lastSeparatorBeforeGlob + 1)..];
        var root = Path.GetFullPath(baseFolder, workingDirectory);
        if (!Directory.Exists(root))
        {
            problems.Add(new InputProblem(source, 0, 0, $"folder '{baseFolder}' of this pattern not found", "check the path before the first wildcard"));
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        var found = matcher.GetResultsInFullPath(root)
            .Where(path => path.EndsWith(FeatureExtension, StringComparison.OrdinalIgnoreCase))
            .Select(path => Describe(path, root, workingDirectory))
            .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
            .ToList();
        if (found.Count == 0)
        {
            problems.Add(new InputProblem(source, 0, 0, "no .feature files match this pattern", "patterns are relative to the working directory, e.g. features/**/*.feature"));
        }

        return found;
    }

    private static FeatureFile Describe(string fullPath, string root, string workingDirectory)
    {
        var normalizedFull = Path.GetFullPath(fullPath);
        var relative = Path.GetRelativePath(root, normalizedFull).Replace('\\', '/');
        var display = Path.GetRelativePath(workingDirectory, normalizedFull);
        if (display.StartsWith("..", StringComparison.Ordinal))
        {
            display = normalizedFull;
        }

        return new FeatureFile(normalizedFull, relative, display.Replace('\\', '/'));
    }
}
