using System.Reflection;
using AgentCompliance.Cli.Commands;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// The CLI as a .NET tool: packed from this build, installed into a temporary tool path from a local feed only, and
/// run from a folder outside the repository, so the catalogs, schemas and templates must travel inside the package.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Packaging")]
public sealed class ToolPackageTests
{
    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-tool-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Packed_tool_installs_from_a_local_feed_and_runs_outside_the_repository()
    {
        var feed = Path.Combine(_folder, "feed");
        var toolPath = Path.Combine(_folder, "tools");
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        var informationalVersion = typeof(AgentComplianceApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var packageVersion = informationalVersion.Split('+')[0];

        // The tests already built the CLI in this configuration: pack that build rather than compiling it again.
        var pack = await RunAsync("dotnet", RepositoryLayout.Root, "pack", RepositoryLayout.PathOf("src", "AgentCompliance.Cli", "AgentCompliance.Cli.csproj"), "--no-build", "--no-restore", "-c", configuration, "-o", feed);
        Assert.That(pack.ExitCode, Is.Zero, pack.Output + pack.Error);
        Assert.That(File.Exists(Path.Combine(feed, $"AgentCompliance.Cli.{packageVersion}.nupkg")), Is.True, pack.Output);

        // Only the local feed: installing must not reach any other package source.
        var nugetConfig = Path.Combine(_folder, "nuget.config");
        await File.WriteAllTextAsync(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var install = await RunAsync("dotnet", _folder, "tool", "install", "--tool-path", toolPath, "--configfile", nugetConfig, "--add-source", feed, "--version", packageVersion, "AgentCompliance.Cli");
        Assert.That(install.ExitCode, Is.Zero, install.Output + install.Error);

        var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "agentcompliance.exe" : "agentcompliance");
        var help = await RunAsync(tool, _folder, "--help");
        var version = await RunAsync(tool, _folder, "--version");
        var threatModelOut = Path.Combine(_folder, "tm");
        var threatModel = await RunAsync(tool, _folder, "threat-model", "--system", RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml"), "--out", threatModelOut);

        var commandNames = CommandCatalog.Create(TextWriter.Null).Select(command => command.Name).ToList();
        var listedCommands = help.Output.Split('\n').SkipWhile(line => !line.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .Select(line => line.Trim()).Where(line => line.Length > 0).Select(line => line.Split(' ')[0]).ToList();
        var html = Path.Combine(threatModelOut, "threat-model.html");
        Assert.Multiple(() =>
        {
            Assert.That(help.ExitCode, Is.Zero, help.Error);
            Assert.That(listedCommands, Is.EqualTo(commandNames));
            Assert.That(version.ExitCode, Is.Zero, version.Error);
            Assert.That(version.Output.Trim(), Is.EqualTo(informationalVersion));
            Assert.That(threatModel.ExitCode, Is.Zero, threatModel.Error);
            Assert.That(File.Exists(html), Is.True, threatModel.Output + threatModel.Error);
        });
        Assert.That(await File.ReadAllTextAsync(html), Does.Contain("reference-agent-platform"));
    }

    // Every build packs the same version: a private package cache makes the install take this package, not an older copy.
    private Task<CliRun> RunAsync(string fileName, string workingDirectory, params string[] arguments) =>
        ChildProcess.RunAsync(fileName, workingDirectory, arguments, new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_folder, "packages"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        });
}
