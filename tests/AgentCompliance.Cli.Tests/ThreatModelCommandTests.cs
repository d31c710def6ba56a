using System.Security.Cryptography;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// <c>threat-model</c> and <c>run</c> with a profile that names a system model, as a user would call them: the sample
/// platform, the bundled control library, the reports written, nothing secret in them.
/// </summary>
public class ThreatModelCommandTests
{
    private static readonly string SystemModel = RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml");
    private static readonly string DemoProfile = RepositoryLayout.PathOf("samples", "profiles", "demo.agentcompliance.yaml");
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "agentcompliance-threat-model", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task Without_results_every_threat_is_reported_untested_and_the_tracking_file_beside_the_model_is_used()
    {
        var run = await CliRun.StartAsync("threat-model", "--system", SystemModel, "--out", _folder);

        var json = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "threat-model.json")));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.OutputLines, Has.Some.EndsWith("threat-model.html"));
            Assert.That(SchemaResources.Get(SchemaResources.ThreatModel).Validate(json.ToString()), Is.Empty);
            Assert.That(json["run"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(json["threats"]!.Select(t => (string?)t["status"]).Distinct(), Is.EqualTo(new[] { "untested" }));
            Assert.That((string?)json["threats"]!.Single(t => (string?)t["id"] == "TM043@reference-agent-platform")["tracking"]!["status"], Is.EqualTo("accepted"));
            Assert.That(File.ReadAllText(Path.Combine(_folder, "threat-model.md")), Does.Contain("TM001@billing-service-account"));
        });
    }

    [Test]
    public async Task Run_with_a_system_model_writes_the_threat_model_and_the_command_reproduces_it_from_results_json()
    {
        // A secret the run could see: it must not appear in any file written.
        var secret = "ac-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var previous = Environment.GetEnvironmentVariable("AC_DEMO_BILLING_AGENT_SECRET");
        Environment.SetEnvironmentVariable("AC_DEMO_BILLING_AGENT_SECRET", secret);
        var runOut = Path.Combine(_folder, "run");
        var modelOut = Path.Combine(_folder, "model");
        CliRun run;
        try
        {
            run = await CliRun.StartAsync("run", "--profile", DemoProfile, "--features", RepositoryLayout.PathOf("features"), "--out", runOut, "--report-only");
        }
        finally
        {
            Environment.SetEnvironmentVariable("AC_DEMO_BILLING_AGENT_SECRET", previous);
        }

        var fromCommand = await CliRun.StartAsync("threat-model", "--system", SystemModel, "--results", Path.Combine(runOut, "results.json"),
            "--catalog", RepositoryLayout.PathOf("samples", "catalogs", "acme-agent-controls.json"), "--out", modelOut);

        var fromRun = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(runOut, "threat-model.json")));
        var reproduced = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(modelOut, "threat-model.json")));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(fromCommand.ExitCode, Is.EqualTo(ExitCodes.Success), fromCommand.Error);
            Assert.That(run.OutputLines, Has.Some.EndsWith("threat-model.html"));
            Assert.That(JToken.DeepEquals(fromRun["threats"], reproduced["threats"]), Is.True, "the same threats, statuses and residual risks");
            Assert.That(JToken.DeepEquals(fromRun["frameworks"], reproduced["frameworks"]), Is.True);

            // The sample's shared service account is a failed control traced to its threat.
            var shared = fromRun["threats"]!.Single(t => (string?)t["id"] == "TM001@billing-service-account");
            Assert.That((string?)shared["status"], Is.EqualTo("failed"));
            Assert.That(shared["controls"]!.Any(c => (string?)c["id"] == "NHI10" && (string?)c["status"] == "failed"), Is.True);

            // Every ASI and NHI risk and MAESTRO layer has a status or an explicit gap.
            var controls = fromRun["frameworks"]!.SelectMany(f => f["controls"]!).ToDictionary(c => (string)c["id"]!);
            foreach (var id in Enumerable.Range(1, 10).Select(n => $"ASI{n:00}").Concat(Enumerable.Range(1, 10).Select(n => $"NHI{n}")).Concat(Enumerable.Range(1, 7).Select(n => $"MAESTRO-L{n}")))
            {
                var control = controls[id];
                Assert.That((string?)control["status"] != "untested" || (bool)control["gap"]! || !(bool)control["testable"]!, Is.True, id);
            }

            foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                Assert.That(text, Does.Not.Contain(secret), file);
                Assert.That(text, Does.Not.Contain("7Hq2Lm9XwR4tZp8Kd3Vn6Yb1Cs5Jf0Ga"), $"{file}: the planted key in the sample code");
            }
        });
    }

    [Test]
    public async Task A_missing_system_model_or_results_file_exits_2_with_the_file_named()
    {
        var missingModel = await CliRun.StartAsync("threat-model", "--system", Path.Combine(_folder, "nope.yaml"), "--out", _folder);
        var missingResults = await CliRun.StartAsync("threat-model", "--system", SystemModel, "--results", Path.Combine(_folder, "results.json"), "--out", _folder);

        Assert.Multiple(() =>
        {
            Assert.That(missingModel.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(missingModel.Error, Does.Contain("nope.yaml").And.Contain("not found"));
            Assert.That(missingResults.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(missingResults.Error, Does.Contain("results.json").And.Contain("not found"));
            Assert.That(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder).Any(), Is.False, "nothing written");
        });
    }

    [Test]
    public async Task A_template_folder_overrides_the_markdown_report()
    {
        var templates = Path.Combine(_folder, "templates");
        Directory.CreateDirectory(templates);
        await File.WriteAllTextAsync(Path.Combine(templates, "report.md.sbn"), "{{ summary.openThreats }} open threats in {{ system.name | md }}");

        var run = await CliRun.StartAsync("threat-model", "--system", SystemModel, "--templates", templates, "--out", Path.Combine(_folder, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_folder, "out", "threat-model.md")), Does.Match("^[0-9]+ open threats in reference-agent-platform$"));
    }
}
