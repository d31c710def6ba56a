using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using AgentCompliance.Cli;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Containers.Tests;

/// <summary>
/// The agentcompliance container image as a user runs it: built once from src/AgentCompliance.Cli/container on the
/// local base image, then <c>docker run</c> with a folder mounted at /work, as the invoking user, without a network
/// (the demo's platform listens on the container's own loopback). Help, labels, the non-root default user, the demo
/// with its reports, and <c>run</c>'s exit codes on a small design-review profile.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Containers")]
[SupportedOSPlatform("linux")]
public sealed class CliImageTests
{
    private const string SharedIdentityFeature = """
        @design
        Feature: Agent identities
          Background:
            Given the target's system model

          @NHI9 @ASI03 @severity:high
          Scenario: No identity is shared between agents
            Then no identity is shared between agents
        """;

    // Two agents behind one workload identity: the scenario above fails on it.
    private const string SharedIdentityModel = """
        version: 1
        name: shared-identity
        agents:
          - { id: planner, name: Planner }
          - { id: payer, name: Payer }
        identities:
          - { id: shared, name: shared, kind: workload, usedBy: [planner, payer], issuedBy: idp, credentialType: private-key-jwt, credentialLifetimeSeconds: 300 }
        services:
          - { id: idp, name: Token service, kind: identity-provider }
        """;

    private const string Profile = """
        version: 1
        name: image-test
        features: [features]
        systemModel: system-model.yaml
        """;

    private CliImage _image = null!;
    private string _folder = null!;
    private string[] _asInvokingUser = null!;
    private string _invokingUser = null!;

    [OneTimeSetUp]
    public async Task BuildTheImage()
    {
        _invokingUser = $"{await IdAsync("-u")}:{await IdAsync("-g")}";
        _asInvokingUser = ["--user", _invokingUser];
        _image = await CliImage.BuildAsync();
    }

    [OneTimeTearDown]
    public async Task RemoveTheImage()
    {
        if (_image is not null)
        {
            await _image.DisposeAsync();
        }
    }

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-image-work-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Help_exits_0_and_lists_every_command()
    {
        var help = await _image.RunAsync(null, [], "--help");
        using var inProcess = new StringWriter();
        await AgentComplianceApp.RunAsync(["--help"], inProcess, TextWriter.Null);

        Assert.Multiple(() =>
        {
            Assert.That(help.ExitCode, Is.EqualTo(ExitCodes.Success), help.Console);
            Assert.That(ListedCommands(help.Output), Is.EqualTo(ListedCommands(inProcess.ToString())).And.Contains("run").And.Contains("demo"), help.Output);
        });
    }

    [Test]
    public async Task The_image_is_labelled_with_the_tools_version_and_runs_as_a_user_that_is_not_root()
    {
        // The package version without the commit: the image may be published from a later commit than this test build.
        var packageVersion = typeof(AgentComplianceApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        var version = await _image.RunAsync(null, [], "--version");
        var user = await _image.RunAsync(null, ["--entrypoint", "id"], "-u");
        var title = await _image.InspectAsync("{{index .Config.Labels \"org.opencontainers.image.title\"}}");
        var versionLabel = await _image.InspectAsync("{{index .Config.Labels \"org.opencontainers.image.version\"}}");
        var workingDirectory = await _image.InspectAsync("{{.Config.WorkingDir}}");

        Assert.Multiple(() =>
        {
            Assert.That(title, Is.EqualTo("agentcompliance"));
            Assert.That(versionLabel, Is.EqualTo(packageVersion));
            Assert.That(workingDirectory, Is.EqualTo("/work"));
            Assert.That(version.Output.Trim().Split('+')[0], Is.EqualTo(packageVersion), version.Console);
            Assert.That(user.ExitCode, Is.Zero, user.Console);
            Assert.That(user.Output.Trim(), Is.Not.EqualTo("0").And.Match("^[0-9]+$"), "the image's default user is root");
        });
    }

    [Test]
    public async Task Demo_without_a_network_writes_the_reports_into_the_mounted_folder_as_the_invoking_user()
    {
        var demo = await _image.RunAsync(_folder, _asInvokingUser, "demo", "--out", "/work/reports");

        var reports = Path.Combine(_folder, "reports");
        Assert.That(demo.ExitCode, Is.EqualTo(ExitCodes.Success), demo.Console);
        foreach (var file in new[] { "results.json", "threat-model.html" })
        {
            Assert.That(File.Exists(Path.Combine(reports, file)), Is.True, $"{file} was not written\n{demo.Console}");
        }

        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "results.json")));
        var failed = results.RootElement.GetProperty("scenarios").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() == "failed").Select(s => s.GetProperty("name").GetString()).ToList();
        var files = new List<(string File, string Owner, UnixFileMode Mode)>();
        foreach (var file in Directory.EnumerateFiles(reports, "*", SearchOption.AllDirectories))
        {
            files.Add((file, await OwnerAsync(file), File.GetUnixFileMode(file)));
        }

        Assert.Multiple(() =>
        {
            // Live probes of the in-process weak platform and the analysis of the bundled weak agent both ran.
            Assert.That(failed, Does.Contain("MCP servers require a valid access token").And.Contain("No credentials are hard-coded in agent code"), demo.Console);
            Assert.That(demo.Output, Does.Contain("report: /work/reports/threat-model.html"));
            foreach (var (file, owner, mode) in files)
            {
                Assert.That(owner, Is.EqualTo(_invokingUser), $"{file} is not owned by the invoking user");
                Assert.That(mode.HasFlag(UnixFileMode.UserRead), Is.True, $"{file} is not readable by its owner");
            }
        });
        LeakCheck.AssertNothingLeaks(reports, demo.Console, []);
    }

    [Test]
    public async Task Run_on_a_mounted_profile_fails_the_gate_on_a_high_severity_failure_and_passes_it_report_only()
    {
        WriteProfileFolder();

        var enforced = await _image.RunAsync(_folder, _asInvokingUser, "run", "--profile", "agentcompliance.yaml", "--out", "reports");
        var reportOnly = await _image.RunAsync(_folder, _asInvokingUser, "run", "--profile", "agentcompliance.yaml", "--out", "report-only", "--report-only");

        Assert.Multiple(() =>
        {
            Assert.That(enforced.ExitCode, Is.EqualTo(ExitCodes.GateFailed), enforced.Console);
            Assert.That(enforced.Output, Does.Contain("Gate: FAILED"));
            Assert.That(enforced.Output, Does.Contain("failed (high): identities.feature:7 No identity is shared between agents"));
            Assert.That(File.Exists(Path.Combine(_folder, "reports", "results.json")), Is.True, enforced.Console);
            Assert.That(reportOnly.ExitCode, Is.EqualTo(ExitCodes.Success), reportOnly.Console);
            Assert.That(File.Exists(Path.Combine(_folder, "report-only", "results.json")), Is.True, reportOnly.Console);
        });
    }

    [Test]
    public async Task Run_with_a_malformed_profile_exits_2_naming_file_and_line()
    {
        WriteProfileFolder();
        File.WriteAllText(Path.Combine(_folder, "broken.yaml"), "version: 1\nname: broken\nfeatures: [features\nsystemModel: system-model.yaml\n");

        var run = await _image.RunAsync(_folder, _asInvokingUser, "run", "--profile", "broken.yaml", "--out", "reports");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), run.Console);
            Assert.That(run.Error, Does.Contain("broken.yaml:3:11: invalid YAML: a '[' list is not closed"));
            Assert.That(run.Console, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    private static List<string> ListedCommands(string help) =>
        [.. help.Split('\n').SkipWhile(line => !line.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .Select(line => line.Trim()).Where(line => line.Length > 0).Select(line => line.Split(' ')[0])];

    private void WriteProfileFolder()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "features"));
        File.WriteAllText(Path.Combine(_folder, "features", "identities.feature"), SharedIdentityFeature);
        File.WriteAllText(Path.Combine(_folder, "system-model.yaml"), SharedIdentityModel);
        File.WriteAllText(Path.Combine(_folder, "agentcompliance.yaml"), Profile);
    }

    private static async Task<string> IdAsync(string option) =>
        (await CliImage.RunAsync("id", [option], TimeSpan.FromSeconds(30))).Output.Trim();

    private static async Task<string> OwnerAsync(string file) =>
        (await CliImage.RunAsync("stat", ["--format", "%u:%g", file], TimeSpan.FromSeconds(30))).Output.Trim();
}
