using System.Text.Json;
using AgentCompliance.Cli.Ci;
using AgentCompliance.Cli.Commands;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// What <c>run</c> gives a CI: results.sarif beside the other files, and on GitHub Actions (environment injected, never
/// the real one) annotations on stdout and the Markdown job summary appended to <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
public sealed class CiOutputRunTests
{
    private static readonly string Bindings = Path.Combine(TestContext.CurrentContext.TestDirectory, "AgentCompliance.TestBindings.dll");
    private static readonly string Tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private const string Revocation = """
        @ASI03
        Feature: Revocation
          Scenario: Passes
            Given a step that passes

          @severity:high
          Scenario: Token outlives its task
            When a step fails with "token was not revoked"

          @severity:low
          Scenario: Log line is terse
            When a step fails with "log line lacks the tool name"
        """;

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("agentcompliance-ci-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "features"));
        File.WriteAllText(Path.Combine(_folder, "features", "revocation.feature"), Revocation);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Out => Path.Combine(_folder, "out");

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, string? waivers = null, string? ciSummary = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new RunCommandOptions(null, [Path.Combine(_folder, "features")], [Bindings], null, 1, null, Out,
            Gate: new RunGateOptions(waivers, null, null, null), CiSummaryPath: ciSummary);
        var (_, exitCode) = await RunCommand.ExecuteAsync(options, output, error, CancellationToken.None, name => environment.GetValueOrDefault(name));
        return (exitCode, output.ToString(), error.ToString());
    }

    [Test]
    public async Task On_GitHub_Actions_a_failing_gate_is_annotated_and_summarised()
    {
        var summary = Path.Combine(_folder, "step-summary.md");
        File.WriteAllText(summary, "earlier step\n");

        var run = await RunAsync(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        var markdown = File.ReadAllText(summary);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Error);
            Assert.That(run.Output, Does.Contain("::error file=revocation.feature,line=7,title=ASI03 failed (high)::Token outlives its task: When a step fails with \"token was not revoked\": InvalidOperationException: token was not revoked"));
            Assert.That(run.Output, Does.Contain("::warning file=revocation.feature,line=11,title=ASI03 failed (low)::Log line is terse: When a step fails with \"log line lacks the tool name\": InvalidOperationException: log line lacks the tool name%0A(does not fail the gate: below the severity threshold)"));
            Assert.That(run.Output, Does.Not.Contain("Passes:"));
            Assert.That(markdown, Does.StartWith("earlier step\n## AgentCompliance: gate FAILED — exit code 1"), "appended, never overwritten");
            Assert.That(markdown, Does.Contain("| ASI03 | high | — | Token outlives its task | `revocation.feature:7` | When a step fails with \"token was not revoked\": InvalidOperationException: token was not revoked |"));
            Assert.That(markdown, Does.Contain($"- `{Path.Combine(Out, "results.sarif")}`"));
        });
    }

    [Test]
    public async Task A_waived_failure_is_a_notice_and_listed_with_its_waiver()
    {
        var summary = Path.Combine(_folder, "step-summary.md");
        var waivers = Path.Combine(_folder, "waivers.yaml");
        File.WriteAllText(waivers, $"""
            version: 1
            waivers:
              - scenario: revocation.feature:7
                justification: Revocation moves to the gateway in 2.4
                owner: identity-team
                expires: {Tomorrow}
            """);

        var run = await RunAsync(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }, waivers);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output);
            Assert.That(run.Output, Does.Contain("::notice file=revocation.feature,line=7,title=ASI03 waived (high)::Token outlives its task: When a step fails with \"token was not revoked\": InvalidOperationException: token was not revoked%0Awaived: Revocation moves to the gateway in 2.4 (owner identity-team, expires " + Tomorrow + ")"));
            Assert.That(run.Output, Does.Not.Contain("::error"));
            Assert.That(File.ReadAllText(summary), Does.Contain("## AgentCompliance: gate PASSED — exit code 0").And.Contain("| Revocation moves to the gateway in 2.4 | identity-team | " + Tomorrow + " |"));
        });
    }

    [Test]
    public async Task Outside_GitHub_Actions_nothing_is_annotated_and_no_summary_is_written()
    {
        var run = await RunAsync(new Dictionary<string, string>());

        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Not.Contain("::error").And.Not.Contain("::warning"));
            Assert.That(Directory.GetFiles(_folder), Is.Empty, "no summary file next to the inputs");
            Assert.That(File.Exists(Path.Combine(Out, "results.sarif")), Is.True);
        });
    }

    [Test]
    public async Task Ci_summary_option_writes_the_summary_anywhere()
    {
        var summary = Path.Combine(_folder, "summary.md");

        var run = await CliRun.StartAsync("run", "--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Out, "--ci-summary", summary);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Error);
            Assert.That(File.ReadAllText(summary), Does.StartWith("## AgentCompliance: gate FAILED — exit code 1"));
        });
    }

    [Test]
    public async Task An_unwritable_summary_is_a_warning_and_does_not_change_the_exit_code()
    {
        var run = await RunAsync(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = Path.Combine(_folder, "missing-folder", "summary.md") });

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(run.Error, Does.Contain("warning: cannot write the CI job summary"));
        });
    }

    [Test]
    public async Task Sarif_of_a_run_names_the_control_severity_and_location()
    {
        await RunAsync(new Dictionary<string, string>());

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "results.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var high = results.Single(r => r.GetProperty("level").GetString() == "error");
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(2), "the passed scenario is not a result");
            Assert.That(high.GetProperty("ruleId").GetString(), Is.EqualTo("ASI03"));
            Assert.That(high.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("Token outlives its task: When a step fails with \"token was not revoked\": InvalidOperationException: token was not revoked"));
            Assert.That(high.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(7));
            Assert.That(results.Single(r => r.GetProperty("level").GetString() == "note").GetProperty("properties").GetProperty("failsGate").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task Secret_looking_values_in_a_failure_reach_neither_sarif_nor_summary_nor_annotations()
    {
        const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFubmVyIn0.c2lnbmF0dXJlLXZhbHVl";
        const string Bearer = "s3cr3tB3arerValue42";
        File.WriteAllText(Path.Combine(_folder, "features", "revocation.feature"), $"""
            @ASI03
            Feature: Revocation
              Scenario: Leaky failure
                Given I remember "Authorization: Bearer {Bearer} and token {Jwt}"
                Then the other binding class sees "nothing"
            """);

        // The values come back in the failing step's exception, as a server echoing a credential would. The feature
        // text holds them too, and results.json and messages.ndjson keep the user's source and step text as written:
        // what is checked is every CI output and the console.
        var checkedFolder = Path.Combine(_folder, "ci-outputs");
        Directory.CreateDirectory(checkedFolder);
        var summary = Path.Combine(checkedFolder, "summary.md");

        var run = await RunAsync(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        File.Copy(Path.Combine(Out, "results.sarif"), Path.Combine(checkedFolder, "results.sarif"));
        var annotations = string.Join('\n', run.Output.Split('\n').Where(line => line.StartsWith("::", StringComparison.Ordinal)));
        var message = "Leaky failure: Then the other binding class sees \"nothing\": InvalidOperationException: expected 'nothing' but the shared notes hold 'Authorization: Bearer [REDACTED] and token [REDACTED]'";
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(File.ReadAllText(Path.Combine(checkedFolder, "results.sarif")), Does.Contain(message.Replace("\"", "\\\"", StringComparison.Ordinal)));
            Assert.That(File.ReadAllText(summary), Does.Contain("Bearer \\[REDACTED\\] and token \\[REDACTED\\]"));
            Assert.That(annotations, Does.Contain("::error file=revocation.feature,line=3,title=ASI03 failed (high)::" + message));
        });
        AgentCompliance.Tests.LeakCheck.AssertNothingLeaks(checkedFolder, run.Output + run.Error, [Jwt, Bearer]);
    }

    [Test]
    public void Feature_paths_are_made_relative_to_the_working_directory()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "features", "sub"));
        File.WriteAllText(Path.Combine(_folder, "features", "sub", "deep.feature"), "Feature: Deep\n  Scenario: S\n    Given a step that passes\n");

        var pathOf = FeatureArtifactPaths.Create(["features"], _folder);

        Assert.Multiple(() =>
        {
            Assert.That(pathOf("revocation.feature"), Is.EqualTo("features/revocation.feature"));
            Assert.That(pathOf("sub/deep.feature"), Is.EqualTo("features/sub/deep.feature"));
            Assert.That(pathOf("unknown.feature"), Is.EqualTo("unknown.feature"));
        });
    }
}
