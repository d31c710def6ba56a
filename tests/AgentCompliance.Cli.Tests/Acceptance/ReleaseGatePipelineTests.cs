using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests.Acceptance;

/// <summary>
/// The release gate as a new user meets it in a pipeline, with the built executable in separate processes and the
/// GitHub Actions environment a job has: a project from <c>agentcompliance init</c>, a baseline run on main, then a
/// change that plants a credential in the agent's code (one new critical failure). The gate fails and the job summary
/// names it; a waiver with a justification and a future expiry turns the gate green and every output lists the
/// failure as waived; the same waiver expired fails the gate again, naming itself; two shards merged count the same as
/// one unsharded run.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReleaseGatePipelineTests
{
    private const string FeatureName = "Weaknesses in the agents' code";
    private const string ScenarioName = "Agent code holds no credentials and runs no model-chosen code";
    // Not the example in the scaffold's feature comment, which messages.ndjson carries as part of the feature source.
    private const string PlantedKey = "sk-live-7f3c9a1e5b2d4c6a8e0f1b3d5a7c9e2f";

    private string _folder = string.Empty;
    private string _project = string.Empty;

    [OneTimeSetUp]
    public async Task CreateProjectWithBaseline()
    {
        _folder = Directory.CreateTempSubdirectory("agentcompliance-pipeline-").FullName;
        _project = Path.Combine(_folder, "repo");
        var init = await ToolProcess.RunAsync(_folder, new Dictionary<string, string>(), "init", _project);
        Assert.That(init.ExitCode, Is.Zero, init.ToString());

        // main: the scaffold's scenarios pass; this run's results.json becomes the baseline later runs compare with.
        var baseline = await Run("baseline");
        Assert.That(baseline.ExitCode, Is.Zero, baseline.ToString());

        // The change under review: a credential written into the agent's code.
        var agent = Path.Combine(_project, "agents", "ResearchAgent.cs");
        var source = await File.ReadAllTextAsync(agent);
        const string Anchor = "public sealed class DocumentIndex(HttpClient http)\n{\n";
        Assert.That(source, Does.Contain(Anchor), "the scaffold's sample agent changed; update where the credential is planted");
        await File.WriteAllTextAsync(agent, source.Replace(Anchor, Anchor + $"    private const string ApiKey = \"{PlantedKey}\";\n", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static string Day(int offset) => DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Reports(string run) => Path.Combine(_project, "reports", run);

    private string SummaryFile(string run) => Path.Combine(_folder, $"{run}-summary.md");

    /// <summary>One pipeline step: <c>agentcompliance run</c> in the repository with a job's GitHub variables.</summary>
    private Task<CliRun> Run(string run, params string[] extra) => ToolProcess.RunAsync(
        _project,
        new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["CI"] = "true", ["GITHUB_STEP_SUMMARY"] = SummaryFile(run) },
        ["run", "--profile", "agentcompliance.yaml", "--out", Path.Combine("reports", run), .. extra]);

    private Task<CliRun> RunAgainstBaseline(string run, params string[] extra) =>
        Run(run, ["--baseline", Path.Combine("reports", "baseline", "results.json"), .. extra]);

    private async Task<string> WriteWaiver(string name, string expires)
    {
        var path = Path.Combine(_project, name);
        await File.WriteAllTextAsync(path, $"""
            version: 1
            waivers:
              - scenario: "{FeatureName}/{ScenarioName}"
                justification: Key rotated and moved to the vault in the next release; the leaked one is revoked
                owner: appsec@example.test
                expires: {expires}
            """);
        return name;
    }

    private static JsonElement Scenario(JsonDocument results) =>
        results.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("name").GetString() == ScenarioName);

    private static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path));

    [Test]
    public async Task A_new_high_severity_failure_fails_the_gate_and_the_job_summary_names_it()
    {
        var run = await RunAgainstBaseline("change");
        var summary = await File.ReadAllTextAsync(SummaryFile("change"));
        using var results = ReadJson(Path.Combine(Reports("change"), "results.json"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.ToString());
            Assert.That(Scenario(results).GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(Scenario(results).GetProperty("baseline").GetString(), Is.EqualTo("new"));
            Assert.That(summary, Does.Contain(ScenarioName));
            Assert.That(summary, Does.Contain("AC0001 Hard-coded API key"), "the summary's message cell names the finding, not just the list's heading");
            Assert.That(summary, Does.Contain("new"));
            Assert.That(summary, Does.Contain("critical"));
            Assert.That(run.Output, Does.Contain("::error file=features/agent-code.feature,line="));
            foreach (var file in Directory.EnumerateFiles(Reports("change")).Append(SummaryFile("change")))
            {
                Assert.That(File.ReadAllText(file), Does.Not.Contain(PlantedKey), $"the planted credential leaked into {Path.GetFileName(file)}");
            }

            Assert.That(run.Output + run.Error, Does.Not.Contain(PlantedKey));
        });
    }

    [Test]
    public async Task Waived_with_a_justification_and_a_future_expiry_the_gate_passes_and_every_output_lists_it_as_waived()
    {
        var waivers = await WriteWaiver("waivers-future.yaml", Day(30));
        var run = await RunAgainstBaseline("waived", "--waivers", waivers);
        var summary = await File.ReadAllTextAsync(SummaryFile("waived"));
        using var results = ReadJson(Path.Combine(Reports("waived"), "results.json"));
        using var sarif = ReadJson(Path.Combine(Reports("waived"), "results.sarif"));
        var junit = XDocument.Load(Path.Combine(Reports("waived"), "junit.xml"));
        var report = await File.ReadAllTextAsync(Path.Combine(Reports("waived"), "threat-model.md"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(Scenario(results).GetProperty("waiver").GetProperty("justification").GetString(), Does.StartWith("Key rotated"));
            Assert.That(summary, Does.Contain(ScenarioName).And.Contain("Key rotated").And.Contain(Day(30)).And.Contain($"`{waivers}:3`"));
            Assert.That(summary, Does.Not.Contain(_folder), "the job summary names files relative to the repository, not the runner's folders");
            var waived = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == ScenarioName);
            Assert.That(waived.Element("skipped")?.Attribute("message")?.Value, Does.Contain("Key rotated"));
            var suppressed = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.TryGetProperty("suppressions", out _)).ToList();
            Assert.That(suppressed, Has.Count.EqualTo(1));
            Assert.That(suppressed[0].GetProperty("suppressions")[0].GetProperty("justification").GetString(), Does.Contain("Key rotated"));
            Assert.That(report, Does.Contain("⚪ waived").And.Contain("Key rotated"));
            Assert.That(run.Output, Does.Contain("::notice"));
        });
    }

    [Test]
    public async Task With_the_expiry_in_the_past_the_gate_fails_again_and_names_the_waiver()
    {
        var waivers = await WriteWaiver("waivers-expired.yaml", Day(-1));
        var run = await RunAgainstBaseline("expired", "--waivers", waivers);
        var summary = await File.ReadAllTextAsync(SummaryFile("expired"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.ToString());
            Assert.That(run.Output, Does.Contain($"waiver {waivers}:3").And.Contain($"expired on {Day(-1)}"));
            Assert.That(summary, Does.Contain($"expired on {Day(-1)}"));
        });
    }

    [Test]
    public async Task Two_shards_merged_count_the_same_as_one_unsharded_run()
    {
        var waivers = await WriteWaiver("waivers-shards.yaml", Day(30));
        var whole = await Run("whole", "--waivers", waivers);
        var first = await Run("shard-1", "--waivers", waivers, "--shard", "1/2");
        var second = await Run("shard-2", "--waivers", waivers, "--shard", "2/2");
        var merge = await ToolProcess.RunAsync(
            _project,
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = SummaryFile("merged") },
            "merge", Path.Combine("reports", "shard-1"), Path.Combine("reports", "shard-2"),
            "--profile", "agentcompliance.yaml", "--waivers", waivers, "--out", Path.Combine("reports", "merged"));
        using var wholeResults = ReadJson(Path.Combine(Reports("whole"), "results.json"));
        using var mergedResults = ReadJson(Path.Combine(Reports("merged"), "results.json"));

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(merge.ExitCode, Is.EqualTo(whole.ExitCode), merge.ToString());
            Assert.That(mergedResults.RootElement.GetProperty("summary").ToString(), Is.EqualTo(wholeResults.RootElement.GetProperty("summary").ToString()));
            Assert.That(Statuses(mergedResults), Is.EqualTo(Statuses(wholeResults)));
            Assert.That(Statuses(wholeResults), Has.Count.EqualTo(2));
        });
    }

    private static List<string> Statuses(JsonDocument results) =>
        [.. results.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}: {s.GetProperty("status").GetString()}").Order(StringComparer.Ordinal)];
}
