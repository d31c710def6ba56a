using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Demo;

/// <summary>
/// The repository folders the demo runs from: the bundled control library, the samples (system model, weak agent,
/// catalog, tool pin) and the report templates. Found from the working directory upwards, then from the tool's own
/// folder upwards, so <c>./build.sh demo</c> and <c>dotnet run</c> from anywhere inside the repository both work.
/// </summary>
public sealed record DemoRepository(string Root)
{
    public string Features => Path.Combine(Root, "features");

    public string Templates => Path.Combine(Root, "templates");

    public string SystemModel => Path.Combine(Root, "samples", "system-models", "reference-platform.yaml");

    public string WeakAgent => Path.Combine(Root, "samples", "agents", "weak");

    public string Catalog => Path.Combine(Root, "samples", "catalogs", "acme-agent-controls.json");

    public string ToolPin => Path.Combine(Root, "samples", "reference-platform", "pins", $"{ReferencePlatformProfile.McpServerName}.json");

    /// <exception cref="InvalidInputException">No folder above the working directory or the tool holds the demo's files.</exception>
    public static DemoRepository Locate(string workingDirectory)
    {
        foreach (var start in new[] { workingDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = new DemoRepository(directory.FullName);
                if (candidate.IsComplete)
                {
                    return candidate;
                }
            }
        }

        throw new InvalidInputException(new InputProblem(
            workingDirectory, 0, 0,
            "the demo needs the repository's features/, samples/ and templates/ folders, and none were found here or above",
            "run it from the AgentCompliance repository, e.g. ./build.sh demo"));
    }

    private bool IsComplete =>
        Directory.Exists(Features) && Directory.Exists(Templates) && File.Exists(SystemModel) && Directory.Exists(WeakAgent) && File.Exists(Catalog);
}
