using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Scaffolding;

/// <summary>
/// The starter compliance project <c>agentcompliance init</c> writes: a target profile, a system-model skeleton, two
/// example scenarios that run offline against the scaffold itself (a design review of the system model and a Roslyn
/// review of a sample agent), a waiver file and a CI workflow. The templates are embedded in this assembly, so the
/// installed tool needs no repository checkout.
/// </summary>
internal static class ProjectScaffold
{
    private const string ResourcePrefix = "scaffold/";

    /// <summary>Every file of the scaffold, in the order they are written and listed.</summary>
    public static IReadOnlyList<ScaffoldFile> Files { get; } =
    [
        new("agentcompliance.yaml", "agentcompliance.yaml"),
        new("system-model.yaml", "system-model.yaml"),
        new("agent-design.feature", "features/agent-design.feature"),
        new("agent-code.feature", "features/agent-code.feature"),
        new("ResearchAgent.cs", "agents/ResearchAgent.cs"),
        new("waivers.yaml", "waivers.yaml"),
        // Kept under a plain name in the assembly: the SDK leaves dot-folders such as .github out of item globs.
        new("agentcompliance-workflow.yml", ".github/workflows/agentcompliance.yml"),
    ];

    /// <summary>Full paths of the scaffold's files that already exist under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> ExistingFiles(string directory) =>
        [.. Files.Select(file => TargetPath(directory, file)).Where(Path.Exists)];

    /// <summary>
    /// Writes every file of the scaffold under <paramref name="directory"/> (created when missing) and returns their full
    /// paths. Unless <paramref name="force"/> is set, nothing is written when any of them exists.
    /// </summary>
    /// <exception cref="InvalidInputException">A file exists and <paramref name="force"/> is not set; names each one.</exception>
    public static IReadOnlyList<string> Write(string directory, bool force)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Path.GetFullPath(directory);
        if (File.Exists(root))
        {
            throw new InvalidInputException(new InputProblem(directory, 0, 0, "is a file, not a folder", "give the folder to create the project in"));
        }

        // All checks before the first write: a half-written scaffold over someone's project is worse than none.
        var existing = ExistingFiles(root);
        if (existing.Count > 0 && !force)
        {
            throw new InvalidInputException([.. existing.Select(path => new InputProblem(DisplayPath(path), 0, 0,
                "already exists; init wrote nothing", "pass --force to overwrite the scaffold's files, or init into a new folder"))]);
        }

        var written = new List<string>();
        foreach (var file in Files)
        {
            var target = TargetPath(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, ReadTemplate(file));
            written.Add(target);
        }

        return written;
    }

    /// <summary>The text of a template as embedded in this assembly.</summary>
    public static string ReadTemplate(ScaffoldFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = typeof(ProjectScaffold).Assembly.GetManifestResourceStream(ResourcePrefix + file.Template)
            ?? throw new InvalidOperationException($"the scaffold template {file.Template} is not embedded in the tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A path relative to the current folder, unless that would climb out of it.</summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    private static string TargetPath(string root, ScaffoldFile file) =>
        Path.Combine(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
}
