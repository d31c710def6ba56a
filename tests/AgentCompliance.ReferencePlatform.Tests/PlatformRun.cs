using AgentCompliance.Cli.Commands;
using AgentCompliance.Cli.Demo;
using AgentCompliance.Core.Results;

namespace AgentCompliance.ReferencePlatform.Tests;

/// <summary>
/// One run of bundled scenarios through the run command against a running reference platform, with the profile the
/// demo builds for it (secrets in files of a temporary folder). Disposing removes the folder.
/// </summary>
internal sealed class PlatformRun : IDisposable
{
    private PlatformRun(string folder)
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

    /// <summary>The secrets the profile references (client secrets, the person's token), read back from their files.</summary>
    public IReadOnlyList<string> ProfileSecrets { get; private set; } = [];

    public static PlatformRun Create() => new(Directory.CreateTempSubdirectory("agentcompliance-platform-run-").FullName);

    /// <summary>Runs the given bundled feature folders (relative to features/) or feature files against the platform.</summary>
    public async Task<PlatformRun> RunAsync(ReferencePlatformHost platform, string tags, string toolPinFile, params string[] features)
    {
        var secrets = Directory.CreateDirectory(Path.Combine(Folder, "secrets")).FullName;
        var profile = await ReferencePlatformProfile.CreateAsync(platform, secrets, toolPinFile, CancellationToken.None);
        profile = profile with { Features = [.. features.Select(f => Path.IsPathRooted(f) ? f : RepositoryLayout.PathOf("features", f))] };
        ProfileSecrets = [.. profile.Agents.Select(a => a.Credentials!.Resolve()), .. profile.Humans.Select(h => h.SubjectToken!.Resolve())];
        var options = new RunCommandOptions(null, [], [], string.IsNullOrEmpty(tags) ? null : tags, 1, null, OutputDirectory, Gate: new RunGateOptions(WaiversFile), Profile: profile);
        using var output = new StringWriter();
        using var error = new StringWriter();
        (Result, ExitCode) = await RunCommand.ExecuteAsync(options, output, error, CancellationToken.None);
        Console = output + error.ToString();
        return this;
    }

    public ScenarioResult Scenario(string name) =>
        Result.Scenarios.SingleOrDefault(s => s.Name == name)
        ?? throw new AssertionException($"no scenario '{name}' in the run (scenarios: {string.Join("; ", Result.Scenarios.Select(s => s.Name))})");

    /// <summary>Names of the failed scenarios a waiver covers, sorted.</summary>
    public IReadOnlyList<string> WaivedScenarios() =>
        [.. Result.Scenarios.Where(s => s.Status == ResultStatus.Failed && s.Waiver is not null).Select(s => s.Name).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> ScenariosWith(ResultStatus status) =>
        [.. Result.Scenarios.Where(s => s.Status == status).Select(s => s.Name).Order(StringComparer.Ordinal)];

    public string Failures() =>
        string.Join("\n", Result.Scenarios.Where(s => s.Status != ResultStatus.Passed).Select(s => $"{s.Status} {s.Name}: {s.ErrorMessage}")) + "\n" + Console;

    public void Dispose()
    {
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
