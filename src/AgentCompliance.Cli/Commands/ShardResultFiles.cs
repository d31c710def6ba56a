using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.Json;
using Microsoft.Extensions.FileSystemGlobbing;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// Turns <c>merge</c>'s arguments into results.json paths: a file as given, a folder as its results.json, and a glob
/// (<c>reports/shard-*</c>, <c>reports/*/results.json</c>) as every match — a pattern not ending in <c>.json</c>
/// matches folders and takes the results.json inside each. Globs help where no shell expands them (Windows).
/// </summary>
internal static class ShardResultFiles
{
    private static readonly char[] GlobCharacters = ['*', '?', '[', '{'];

    /// <exception cref="InvalidInputException">An argument names nothing, or a folder without results.json.</exception>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> arguments, string workingDirectory)
    {
        var problems = new List<InputProblem>();
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var found = argument.IndexOfAny(GlobCharacters) >= 0 ? Expand(argument, workingDirectory) : One(argument, workingDirectory);
            if (found.Count == 0)
            {
                problems.Add(new InputProblem(argument, 0, 0, "no results.json here", "pass results.json files, or the folders `run --shard K/N --out DIR` wrote"));
            }

            // Relative to the working directory when inside it, so errors name files the way the user wrote them.
            foreach (var path in found.Select(path => Display(path, workingDirectory)))
            {
                if (seen.Add(path))
                {
                    files.Add(path);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return files;
    }

    private static List<string> One(string argument, string workingDirectory)
    {
        var full = Path.GetFullPath(argument, workingDirectory);
        if (Directory.Exists(full))
        {
            var inside = Path.Combine(full, RunResultJson.FileName);
            return File.Exists(inside) ? [inside] : [];
        }

        // A missing file is reported by the reader, with the usual "results file not found" hint.
        return [full];
    }

    private static List<string> Expand(string pattern, string workingDirectory)
    {
        var normalized = pattern.Replace('\\', '/');
        if (!normalized.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            normalized = $"{normalized.TrimEnd('/')}/{RunResultJson.FileName}";
        }

        // The plain folders before the first wildcard are the root the pattern is matched under.
        var lastSeparator = normalized.LastIndexOf('/', normalized.IndexOfAny(GlobCharacters));
        var root = Path.GetFullPath(lastSeparator < 0 ? "." : lastSeparator == 0 ? "/" : normalized[..lastSeparator], workingDirectory);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(normalized[(lastSeparator + 1)..]);
        return [.. matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal)];
    }

    private static string Display(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
