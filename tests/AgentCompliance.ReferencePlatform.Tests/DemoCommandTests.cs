using System.Text.Json;
using AgentCompliance.Cli;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.ReferencePlatform.Tests;

/// <summary>
/// <c>agentcompliance demo</c> end to end, as <c>./build.sh demo</c> starts it: the weak platform in process, the whole
/// bundled library, the reports written, real failures shown, exit 0 (report-only), and the platform stopped afterwards.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-demo-test-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task The_demo_runs_the_whole_library_against_the_weak_platform_and_writes_the_reports()
    {
        var outputFolder = Path.Combine(_folder, "demo");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AgentComplianceApp.RunAsync(["demo", "--out", outputFolder], output, error);

        var console = output + error.ToString();
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), console);
        foreach (var file in new[] { "results.json", "junit.xml", "messages.ndjson", "threat-model.json", "threat-model.md", "threat-model.html" })
        {
            Assert.That(File.Exists(Path.Combine(outputFolder, file)), Is.True, $"{file} was not written\n{console}");
        }

        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outputFolder, "results.json")));
        var scenarios = results.RootElement.GetProperty("scenarios").EnumerateArray()
            .Select(s => (Feature: s.GetProperty("featureFile").GetString()!, Name: s.GetProperty("name").GetString()!, Status: s.GetProperty("status").GetString()!))
            .ToList();
        Assert.Multiple(() =>
        {
            // Every folder of the library ran: live probes of the platform, its system model, the weak agent's code.
            Assert.That(scenarios.Select(s => s.Feature.Split('/')[0]).Distinct(), Is.SupersetOf(new[] { "identity", "revocation", "delegation", "policy", "audit", "mcp", "design", "code" }));
            Assert.That(scenarios.Where(s => s.Status == "failed").Select(s => s.Name), Does.Contain("MCP servers require a valid access token")
                .And.Contain("Agent tokens are short-lived")
                .And.Contain("No credentials are hard-coded in agent code"));
            Assert.That(scenarios.Where(s => s.Status == "passed").Select(s => s.Name), Does.Contain("Tool calls without a valid token are refused"));
            Assert.That(console, Does.Contain("starting the reference platform (weak) on 127.0.0.1")
                .And.Contain($"report: {Path.Combine(outputFolder, "threat-model.html")}"));
        });
        LeakCheck.AssertNothingLeaks(outputFolder, console, []);
        await AssertStoppedAsync(console);
    }

    [Test]
    public async Task Ctrl_C_stops_the_run_and_the_platform()
    {
        using var cancellation = new CancellationTokenSource();
        using var output = new CancellingWriter("token service ", cancellation);
        using var error = new StringWriter();

        var exitCode = await AgentComplianceApp.RunAsync(["demo", "--out", Path.Combine(_folder, "demo")], output, error, cancellation.Token);

        var console = output + error.ToString();
        Assert.That(exitCode, Is.EqualTo(ExitCodes.CouldNotRun), console);
        await AssertStoppedAsync(console);
    }

    // The platform the demo started answers no more: every component's port is closed.
    private static async Task AssertStoppedAsync(string console)
    {
        var started = console.Split('\n').Single(line => line.StartsWith("token service ", StringComparison.Ordinal));
        var urls = started.Split(' ').Where(word => word.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).Select(word => new Uri(word.TrimEnd(','))).ToList();
        Assert.That(urls, Has.Count.EqualTo(3), started);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var url in urls)
        {
            Assert.That(async () => await http.GetAsync(url), Throws.InstanceOf<HttpRequestException>(), $"{url} still answers after the demo ended");
        }
    }

    [Test]
    public async Task An_unknown_configuration_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AgentComplianceApp.RunAsync(["demo", "--configuration", "lenient", "--out", _folder], output, error);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(error.ToString(), Does.Contain("lenient"));
    }
}
