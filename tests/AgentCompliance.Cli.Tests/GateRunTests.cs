using System.Xml.Linq;
using AgentCompliance.Cli.Commands;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Reporting.Json;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// The release gate end to end through <c>agentcompliance run</c>: severity threshold, waivers, baselines, required
/// controls, pass rates and every exit code, with small feature files and the test bindings.
/// </summary>
public class GateRunTests
{
    private static readonly string Bindings = Path.Combine(TestContext.CurrentContext.TestDirectory, "AgentCompliance.TestBindings.dll");
    private static readonly string Tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private const string Revocation = """
        @ASI03
        Feature: Revocation
          Scenario: Passes
            Given a step that passes

          @severity:high
          Scenario: Token outlives its task
            When a step fails with "token was not revoked"
        """;

    private const string Logging = """
        @NHI7
        Feature: Logging
          @severity:low
          Scenario: Log line is terse
            When a step fails with "log line lacks the tool name"
        """;

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "agentcompliance-gate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "features"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Out(string name = "out") => Path.Combine(_folder, name);

    private async Task<CliRun> RunAsync(string outDirectory, params string[] arguments) =>
        await CliRun.StartAsync(["run", "--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", outDirectory, .. arguments]);

    private static JObject Results(string outDirectory) => JObject.Parse(File.ReadAllText(Path.Combine(outDirectory, "results.json")));

    private static JObject ScenarioNamed(JObject results, string name) => (JObject)results["scenarios"]!.First(s => (string?)s["name"] == name);

    [Test]
    public async Task A_new_high_severity_failure_fails_the_gate_and_is_named()
    {
        Write("features/revocation.feature", Revocation);

        var run = await RunAsync(Out());

        var gate = Results(Out())["gate"]!;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Error);
            Assert.That(run.Output, Does.Contain("Gate: FAILED"));
            Assert.That(run.Output, Does.Contain("failed (high): revocation.feature:7 Token outlives its task"));
            Assert.That((bool)gate["passed"]!, Is.False);
            Assert.That((int)gate["exitCode"]!, Is.EqualTo(1));
            Assert.That((string?)gate["reasons"]![0]!["kind"], Is.EqualTo("failedAtSeverity"));
            Assert.That((string?)ScenarioNamed(Results(Out()), "Token outlives its task")["fingerprint"], Does.Match("^[0-9a-f]{16}$"));
        });
    }

    [Test]
    public async Task A_failure_below_the_severity_threshold_passes_unless_the_threshold_is_lowered()
    {
        Write("features/logging.feature", Logging);

        var atDefault = await RunAsync(Out("a"));
        var lowered = await RunAsync(Out("b"), "--fail-on-severity", "low");

        Assert.Multiple(() =>
        {
            Assert.That(atDefault.ExitCode, Is.EqualTo(ExitCodes.Success), atDefault.Output);
            Assert.That(atDefault.Output, Does.Contain("Gate: PASSED"));
            Assert.That(lowered.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(lowered.Output, Does.Contain("failed (low): logging.feature:4 Log line is terse"));
        });
    }

    [Test]
    public async Task An_untagged_failure_counts_as_high()
    {
        Write("features/plain.feature", "Feature: Plain\n  Scenario: Breaks\n    When a step fails with \"boom\"\n");

        var atHigh = await RunAsync(Out("a"));
        var atCritical = await RunAsync(Out("b"), "--fail-on-severity", "critical");

        Assert.Multiple(() =>
        {
            Assert.That(atHigh.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(atCritical.ExitCode, Is.EqualTo(ExitCodes.Success), atCritical.Output);
        });
    }

    [Test]
    public async Task A_waiver_with_a_future_expiry_passes_the_gate_and_stays_visible_everywhere()
    {
        Write("features/revocation.feature", Revocation);
        var waivers = Write("waivers.yaml", $"""
            version: 1
            waivers:
              - scenario: Revocation/Token outlives its task
                justification: Revocation service ships next sprint
                owner: identity-team
                expires: {Tomorrow}
            """);

        var run = await RunAsync(Out(), "--waivers", waivers);

        var results = Results(Out());
        var waiver = ScenarioNamed(results, "Token outlives its task")["waiver"]!;
        var skipped = XDocument.Load(Path.Combine(Out(), "junit.xml")).Descendants("skipped").Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output);
            Assert.That(run.Output, Does.Contain("Waived (1):"));
            Assert.That(run.Output, Does.Contain($"revocation.feature:7 Token outlives its task: Revocation service ships next sprint (owner identity-team, expires {Tomorrow}, {waivers}:3)"));
            Assert.That(run.Output, Does.Contain("Gate: PASSED"));
            Assert.That((string?)waiver["justification"], Is.EqualTo("Revocation service ships next sprint"));
            Assert.That((string?)waiver["owner"], Is.EqualTo("identity-team"));
            Assert.That((string?)waiver["expires"], Is.EqualTo(Tomorrow));
            Assert.That((string?)ScenarioNamed(results, "Token outlives its task")["status"], Is.EqualTo("failed"));
            Assert.That((string?)skipped.Attribute("message"), Does.StartWith("waived: Revocation service ships next sprint"));
            Assert.That((string?)skipped.Document!.Root!.Attribute("failures"), Is.EqualTo("0"));
        });
    }

    [Test]
    public async Task The_threat_model_report_lists_a_waived_control_with_its_justification()
    {
        Write("features/revocation.feature", Revocation);
        var systemModel = RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml");
        var profile = Write("agentcompliance.yaml", $"version: 1\nname: gate\nsystemModel: '{systemModel}'\nwaivers: waivers.yaml\n");
        Write("waivers.yaml", $"waivers:\n  - control: ASI03\n    justification: Gateway revocation in 2.4\n    owner: platform\n    expires: {Tomorrow}\n");

        var run = await RunAsync(Out(), "--profile", profile);

        var asi03 = JObject.Parse(File.ReadAllText(Path.Combine(Out(), "threat-model.json")))
            .Descendants().OfType<JObject>().First(o => (string?)o["id"] == "ASI03" && o.ContainsKey("waiver"));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output + run.Error);
            Assert.That((string?)asi03["status"], Is.EqualTo("waived"));
            Assert.That((string?)asi03["waiver"]!["justification"], Is.EqualTo("Gateway revocation in 2.4"));
        });
    }

    [Test]
    public async Task An_expired_waiver_fails_the_gate_and_names_itself()
    {
        Write("features/revocation.feature", Revocation);
        var waivers = Write("waivers.yaml", $"""
            waivers:
              - control: ASI03
                justification: Accepted for the pilot
                owner: ciso
                expires: {Yesterday}
            """);

        var run = await RunAsync(Out(), "--waivers", waivers);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(run.Output, Does.Contain($"waiver {waivers}:2 (control ASI03) expired on {Yesterday}"));
            Assert.That(run.Output, Does.Not.Contain("Waived ("));
            Assert.That((string?)Results(Out())["gate"]!["reasons"]!.Last!["kind"], Is.EqualTo("waiverExpired"));
        });
    }

    [Test]
    public async Task A_malformed_waiver_file_exits_2_with_file_and_line_before_running()
    {
        Write("features/revocation.feature", Revocation);
        var waivers = Write("waivers.yaml", $"""
            waivers:
              - control: ASI03
                owner: ciso
                expires: {Tomorrow}
              - scenario: x.feature:3
                fingerprint: 0123456789abcdef
                justification: both keys
                owner: ciso
                expires: 2027-13-45
            """);

        var run = await RunAsync(Out(), "--waivers", waivers);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain($"{waivers}:2:").And.Contain("justification"));
            Assert.That(run.Error, Does.Contain($"{waivers}:5:").And.Contain("exactly one of control, scenario or fingerprint"));
            Assert.That(run.Error, Does.Not.Contain("   at "));
            Assert.That(File.Exists(Path.Combine(Out(), "results.json")), Is.False, "nothing runs when the waivers are invalid");
        });
    }

    [Test]
    public async Task An_unknown_control_in_a_waiver_exits_2_with_the_closest_id()
    {
        Write("features/revocation.feature", Revocation);
        var waivers = Write("waivers.json", $$"""
            {
              "waivers": [
                { "control": "ASI11", "justification": "typo", "owner": "ciso", "expires": "{{Tomorrow}}" }
              ]
            }
            """);

        var run = await RunAsync(Out(), "--waivers", waivers);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain($"{waivers}:3:").And.Contain("unknown control 'ASI11'; did you mean 'ASI01'?"));
            Assert.That(run.Error, Does.Contain("agentcompliance controls"));
        });
    }

    [Test]
    public async Task A_baseline_marks_failures_new_or_existing_and_fail_on_new_ignores_existing_ones()
    {
        Write("features/revocation.feature", Revocation);
        await RunAsync(Out("baseline"));
        var baseline = Path.Combine(Out("baseline"), "results.json");

        // A line moves (a comment above the scenario) and a new failure appears in another file.
        Write("features/revocation.feature", "# moved\n" + Revocation);
        Write("features/logging.feature", Logging.Replace("@severity:low", "@severity:critical", StringComparison.Ordinal));

        var failOnNew = await RunAsync(Out("new"), "--baseline", baseline, "--fail-on", "new");
        File.Delete(Path.Combine(_folder, "features", "logging.feature"));
        var existingOnly = await RunAsync(Out("existing"), "--baseline", baseline, "--fail-on", "new");
        var failOnAll = await RunAsync(Out("all"), "--baseline", baseline);

        var results = Results(Out("new"));
        Assert.Multiple(() =>
        {
            Assert.That(failOnNew.ExitCode, Is.EqualTo(ExitCodes.GateFailed), failOnNew.Output);
            Assert.That(failOnNew.Output, Does.Contain("failed (critical, new): logging.feature:4 Log line is terse"));
            Assert.That(failOnNew.Output, Does.Not.Contain("failed (high, existing)"));
            Assert.That(failOnNew.Output, Does.Contain("1 existing failure(s) from the baseline do not fail the gate"));
            Assert.That((string?)ScenarioNamed(results, "Token outlives its task")["baseline"], Is.EqualTo("existing"));
            Assert.That((string?)ScenarioNamed(results, "Log line is terse")["baseline"], Is.EqualTo("new"));
            Assert.That(ScenarioNamed(results, "Passes")["baseline"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(existingOnly.ExitCode, Is.EqualTo(ExitCodes.Success), existingOnly.Output);
            Assert.That(failOnAll.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(failOnAll.Output, Does.Contain("failed (high, existing): revocation.feature:8 Token outlives its task"));
        });
    }

    [Test]
    public async Task Fail_on_new_without_a_baseline_exits_2()
    {
        Write("features/revocation.feature", Revocation);

        var run = await RunAsync(Out(), "--fail-on", "new");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain("--fail-on").And.Contain("needs a baseline"));
        });
    }

    [Test]
    public async Task An_untested_required_control_fails_the_gate_and_a_framework_entry_names_each_gap()
    {
        Write("features/passing.feature", "@ASI03\nFeature: Passing\n  Scenario: Passes\n    Given a step that passes\n");
        var profile = Write("agentcompliance.yaml", "version: 1\nname: gate\ngate:\n  requiredControls: [ASI03, NHI7, 'framework:asi']\n");

        var run = await RunAsync(Out(), "--profile", profile);

        var reasons = Results(Out())["gate"]!["reasons"]!.Select(r => (string)r["message"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Error);
            Assert.That(reasons, Has.Some.StartsWith("required control NHI7 (").And.Some.Contains("was not tested"));
            Assert.That(reasons, Has.Some.StartsWith("required control ASI01 ("));
            Assert.That(reasons, Has.None.StartsWith("required control ASI03 "));
            Assert.That(reasons, Has.Count.EqualTo(10), "NHI7 and the nine untested ASI risks");
        });
    }

    [Test]
    public async Task An_unknown_required_control_exits_2_with_a_hint()
    {
        Write("features/passing.feature", "@ASI03\nFeature: Passing\n  Scenario: Passes\n    Given a step that passes\n");
        var profile = Write("agentcompliance.yaml", "version: 1\nname: gate\ngate:\n  requiredControls: [NHI77, 'framework:nope']\n");

        var run = await RunAsync(Out(), "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain($"{profile}:4:22: gate.requiredControls: unknown control 'NHI77'; did you mean 'NHI7'?"));
            Assert.That(run.Error, Does.Contain($"{profile}:4:29: gate.requiredControls: unknown framework 'nope'"));
        });
    }

    [Test]
    public async Task A_minimum_pass_rate_per_framework_fails_a_run_whose_failures_are_all_below_the_threshold()
    {
        Write("features/asi.feature", """
            Feature: Asi
              @ASI03
              Scenario: Passes
                Given a step that passes
              @ASI05 @severity:low
              Scenario: Minor gap
                When a step fails with "minor"
            """);
        var strict = Write("strict.yaml", "version: 1\nname: gate\ngate:\n  minPassRate:\n    asi: 0.75\n    nhi: 0.5\n");
        var lenient = Write("lenient.yaml", "version: 1\nname: gate\ngate:\n  minPassRate:\n    asi: 0.5\n");

        var strictRun = await RunAsync(Out("a"), "--profile", strict);
        var lenientRun = await RunAsync(Out("b"), "--profile", lenient);

        Assert.Multiple(() =>
        {
            Assert.That(strictRun.ExitCode, Is.EqualTo(ExitCodes.GateFailed), strictRun.Error);
            Assert.That(strictRun.Output, Does.Contain("asi: 1 of 2 tested controls passed (50 %), below the minimum 75 %"));
            Assert.That(strictRun.Output, Does.Contain("nhi: no control was tested"));
            Assert.That(lenientRun.ExitCode, Is.EqualTo(ExitCodes.Success), lenientRun.Output);
        });
    }

    [Test]
    public async Task Undefined_pending_and_ambiguous_scenarios_fail_even_when_waived_or_low()
    {
        Write("features/unverified.feature", """
            @ASI03 @severity:info
            Feature: Unverified
              Scenario: Not written
                Given a step nobody wrote
              Scenario: Pending
                Given a step that is still pending
            """);
        var waivers = Write("waivers.yaml", $"waivers:\n  - control: ASI03\n    justification: j\n    owner: o\n    expires: {Tomorrow}\n");

        var run = await RunAsync(Out(), "--waivers", waivers);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(run.Output, Does.Contain("undefined: unverified.feature:3 Not written"));
            Assert.That(run.Output, Does.Contain("pending: unverified.feature:5 Pending"));
            Assert.That(run.Output, Does.Contain($"waiver {waivers}:2 (control ASI03) matched no failure"));
        });
    }

    [Test]
    public async Task Report_only_computes_the_verdict_but_exits_0()
    {
        Write("features/revocation.feature", Revocation);
        var profile = Write("agentcompliance.yaml", "version: 1\nname: gate\ngate:\n  mode: report-only\n");

        var run = await RunAsync(Out(), "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(run.Output, Does.Contain("Gate: FAILED (report-only: exit code 0)"));
            Assert.That((bool)Results(Out())["gate"]!["reportOnly"]!, Is.True);
            Assert.That((bool)Results(Out())["gate"]!["passed"]!, Is.False);
        });
    }

    [Test]
    public async Task An_interrupted_run_exits_3_even_in_report_only_mode()
    {
        Write("features/revocation.feature", Revocation);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var options = new RunCommandOptions(null, [Path.Combine(_folder, "features")], [Bindings], null, 1, null, Out(), ReportOnly: true);

        var (result, exitCode) = await RunCommand.ExecuteAsync(options, TextWriter.Null, TextWriter.Null, cancelled.Token);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.CouldNotRun));
            Assert.That(result.Gate!.Reasons.Select(r => r.Kind), Does.Contain(GateReasonKind.RunIncomplete));
            Assert.That(RunResultJson.Read(Path.Combine(Out(), "results.json")).Gate!.ExitCode, Is.EqualTo(ExitCodes.CouldNotRun));
        });
    }

    [Test]
    public async Task Diff_lists_regressions_fixes_added_and_removed_scenarios_in_every_format()
    {
        Write("features/a.feature", "Feature: A\n  Scenario: Gets fixed\n    When a step fails with \"x\"\n  Scenario: Regresses\n    Given a step that passes\n  Scenario: Goes away\n    Given a step that passes\n");
        await RunAsync(Out("before"));
        Write("features/a.feature", "Feature: A\n  Scenario: Gets fixed\n    Given a step that passes\n  Scenario: Regresses\n    When a step fails with \"y\"\n  Scenario: Is new\n    Given a step that passes\n");
        await RunAsync(Out("after"));
        var before = Path.Combine(Out("before"), "results.json");
        var after = Path.Combine(Out("after"), "results.json");

        var table = await CliRun.StartAsync("diff", before, after);
        var json = await CliRun.StartAsync("diff", before, after, "--format", "json");
        var markdown = await CliRun.StartAsync("diff", before, after, "--format", "markdown");
        var missing = await CliRun.StartAsync("diff", before, Path.Combine(_folder, "nope.json"));

        var document = JObject.Parse(json.Output);
        Assert.Multiple(() =>
        {
            Assert.That(table.ExitCode, Is.EqualTo(ExitCodes.Success), table.Error);
            Assert.That(table.Output, Does.Contain("1 regression(s), 1 fix(es), 1 added, 1 removed, 0 still failing, 0 unchanged"));
            Assert.That(table.OutputLines, Has.Some.Match(@"Regressions.*a\.feature:4.*Regresses.*passed → failed"));
            Assert.That((string?)document["regressions"]![0]!["name"], Is.EqualTo("Regresses"));
            Assert.That((string?)document["fixes"]![0]!["before"], Is.EqualTo("failed"));
            Assert.That((string?)document["added"]![0]!["name"], Is.EqualTo("Is new"));
            Assert.That((string?)document["removed"]![0]!["name"], Is.EqualTo("Goes away"));
            Assert.That(markdown.Output, Does.Contain("### Regressions (1)").And.Contain("| `a.feature:4` | Regresses | passed | failed |"));
            Assert.That(missing.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(missing.Error, Does.Contain("results file not found"));
        });
    }
}
