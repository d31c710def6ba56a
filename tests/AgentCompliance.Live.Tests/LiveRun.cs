using AgentCompliance.Cli.Commands;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Live.Tests;

/// <summary>
/// One end-to-end run of bundled scenarios through the run command, as a user would start it: a profile written to a
/// temporary folder, secrets exported as environment variables, results written to an output folder. Disposing removes
/// the folder and unsets the variables.
/// </summary>
internal sealed class LiveRun : IDisposable
{
    private readonly List<string> _variables = [];

    private LiveRun(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string OutputDirectory => Path.Combine(Folder, "out");

    public RunResult Result { get; private set; } = null!;

    public int ExitCode { get; private set; }

    /// <summary>A waiver file for the run (<c>--waivers</c>); none by default.</summary>
    public string? WaiversFile { get; set; }

    public string Console { get; private set; } = string.Empty;

    /// <summary>Creates a temporary folder for a run.</summary>
    public static LiveRun Create() => new(Directory.CreateTempSubdirectory("agentcompliance-live-").FullName);

    /// <summary>Exports a secret the profile references with <c>{env: NAME}</c>; each run uses its own variable names.</summary>
    public void SetSecret(string variable, string value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        _variables.Add(variable);
    }

    /// <summary>Writes the profile (YAML) and runs the given bundled feature folders (relative to features/).</summary>
    public async Task<LiveRun> RunAsync(string profileYaml, string tags = "", params string[] featureFolders)
    {
        var profilePath = Path.Combine(Folder, "agentcompliance.yaml");
        await File.WriteAllTextAsync(profilePath, profileYaml).ConfigureAwait(false);
        var options = new RunCommandOptions(
            profilePath,
            [.. featureFolders.Select(folder => RepositoryLayout.PathOf("features", folder))],
            [],
            string.IsNullOrEmpty(tags) ? null : tags,
            1,
            null,
            OutputDirectory,
            ReportOnly: false,
            Gate: new RunGateOptions(WaiversFile));
        using var output = new StringWriter();
        using var error = new StringWriter();
        (Result, ExitCode) = await RunCommand.ExecuteAsync(options, output, error, CancellationToken.None).ConfigureAwait(false);
        Console = output + error.ToString();
        return this;
    }

    /// <summary>The scenario of that name; fails the test listing the names that exist.</summary>
    public ScenarioResult Scenario(string name) =>
        Result.Scenarios.SingleOrDefault(s => s.Name == name)
        ?? throw new AssertionException($"no scenario '{name}' in the run (scenarios: {string.Join("; ", Result.Scenarios.Select(s => s.Name))})");

    /// <summary>Names of the failed scenarios a waiver covers, sorted.</summary>
    public IReadOnlyList<string> WaivedScenarios() =>
        [.. Result.Scenarios.Where(s => s.Status == ResultStatus.Failed && s.Waiver is not null).Select(s => s.Name).Order(StringComparer.Ordinal)];

    /// <summary>Names of the scenarios with that status, sorted.</summary>
    public IReadOnlyList<string> ScenariosWith(ResultStatus status) =>
        [.. Result.Scenarios.Where(s => s.Status == status).Select(s => s.Name).Order(StringComparer.Ordinal)];

    /// <summary>Fails when any of the values appears in any file of the output folder or in the console output.</summary>
    public void AssertNothingLeaks(params string[] secrets)
    {
        var files = Directory.EnumerateFiles(OutputDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.That(files, Is.Not.Empty, "the run wrote no output files");
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            foreach (var file in files)
            {
                Assert.That(File.ReadAllText(file), Does.Not.Contain(secret), $"a secret leaked into {Path.GetFileName(file)}");
            }

            Assert.That(Console, Does.Not.Contain(secret), "a secret leaked into the console output");
        }
    }

    public void Dispose()
    {
        foreach (var variable in _variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
