using System.Text.Json;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Sarif;
using AgentCompliance.Reporting.Tests.Ci;
using NJsonSchema;

namespace AgentCompliance.Reporting.Tests.Sarif;

/// <summary>
/// results.sarif is valid SARIF 2.1.0 (the public schema the analyser tests vendor) and carries what GitHub code
/// scanning reads: rules named after the controls, levels from severity, locations, fingerprints, baseline state and
/// waivers as accepted suppressions.
/// </summary>
public sealed class RunSarifWriterTests
{
    private static readonly string SchemaPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "sarif-2.1.0.json");

    private static readonly RunSarifOptions FromRepositoryRoot = new() { ArtifactPath = file => "features/" + file };

    private static List<JsonElement> Results(JsonDocument document) => document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

    private static JsonElement ResultFor(JsonDocument document, string scenarioId) =>
        Results(document).Single(r => r.GetProperty("properties").GetProperty("scenario").GetString() == scenarioId);

    [TestCaseSource(nameof(Runs))]
    public async Task Sarif_is_valid_against_the_schema(RunResult run)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        var errors = schema.Validate(RunSarifWriter.Serialize(run, FromRepositoryRoot));

        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors.Select(error => $"{error.Path}: {error.Kind}")));
    }

    private static IEnumerable<TestCaseData> Runs()
    {
        yield return new TestCaseData(GatedRuns.Gated()).SetName("gated run with baseline and waiver");
        yield return new TestCaseData(SampleRuns.EveryStatus()).SetName("every status, not gated");
        yield return new TestCaseData(SampleRuns.Interrupted()).SetName("interrupted run");
        yield return new TestCaseData(SampleRuns.Hostile()).SetName("hostile text");
        yield return new TestCaseData(SampleRuns.Empty()).SetName("empty run");
    }

    [Test]
    public async Task Schema_validation_rejects_a_result_without_a_message()
    {
        // Guards the guard: a broken log must fail validation, or the test above proves nothing.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        const string broken = """{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "ruleId": "ASI03" } ] } ] }""";

        Assert.That(schema.Validate(broken), Is.Not.Empty);
    }

    [Test]
    public void Carries_what_code_scanning_requires()
    {
        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(GatedRuns.Gated(), FromRepositoryRoot));
        var run = document.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        var first = ResultFor(document, GatedRuns.NewHighId);
        var physical = first.GetProperty("locations")[0].GetProperty("physicalLocation");

        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(document.RootElement.GetProperty("$schema").GetString(), Is.EqualTo(RunSarifWriter.SchemaUri));
            Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("AgentCompliance"));
            Assert.That(first.GetProperty("ruleId").GetString(), Is.EqualTo("ASI03"));
            Assert.That(first.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("Tokens expire with the task: token outlived its task\nexp - iat = 3600"));
            Assert.That(physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("features/identity/tokens.feature"));
            Assert.That(physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(physical.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(4));
            Assert.That(driver.GetProperty("rules")[first.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo("ASI03"));
        });
    }

    [Test]
    public void One_result_per_failed_waived_or_unverified_scenario_none_for_passed()
    {
        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(GatedRuns.Gated()));
        var scenarios = Results(document).Select(r => r.GetProperty("properties").GetProperty("scenario").GetString()).ToList();

        Assert.That(scenarios, Is.EquivalentTo(new[] { GatedRuns.NewHighId, GatedRuns.LowId, GatedRuns.WaivedId, GatedRuns.UndefinedId, GatedRuns.ExistingId }));
    }

    [Test]
    public void Every_status_that_did_not_verify_its_control_is_a_result_skipped_and_not_run_are_not()
    {
        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(SampleRuns.EveryStatus()));
        var statuses = Results(document).Select(r => r.GetProperty("properties").GetProperty("status").GetString()).ToList();

        Assert.That(statuses, Is.EquivalentTo(new[] { "failed", "undefined", "pending", "ambiguous" }));
    }

    [Test]
    public void Rules_carry_the_control_name_and_help_from_the_catalog_and_untagged_scenarios_get_a_rule_of_their_own()
    {
        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(GatedRuns.Gated()));
        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(rule => rule.GetProperty("id").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(rules.Keys, Is.EquivalentTo(new[] { "ASI03", "NHI7", "ASI02", ScenarioRuleIds.Untagged }), "one rule per control reported, once");
            Assert.That(rules["ASI03"].GetProperty("name").GetString(), Is.EqualTo("Identity and Privilege Abuse"));
            Assert.That(rules["ASI02"].GetProperty("name").GetString(), Is.EqualTo("Tool Misuse and Exploitation"));
            Assert.That(rules["ASI03"].GetProperty("help").GetProperty("text").GetString(), Does.Contain("@ASI03"));
            Assert.That(rules["ASI03"].GetProperty("properties").GetProperty("security-severity").GetString(), Is.EqualTo("8.0"));
            Assert.That(rules[ScenarioRuleIds.Untagged].GetProperty("help").GetProperty("text").GetString(), Does.Contain("Tag it with the control"));
        });
    }

    [Test]
    public void Level_follows_severity_and_unverified_scenarios_are_errors()
    {
        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(GatedRuns.Gated()));
        string LevelOf(string id) => ResultFor(document, id).GetProperty("level").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(LevelOf(GatedRuns.NewHighId), Is.EqualTo("error"));
            Assert.That(LevelOf(GatedRuns.WaivedId), Is.EqualTo("warning"), "medium");
            Assert.That(LevelOf(GatedRuns.LowId), Is.EqualTo("note"));
            Assert.That(LevelOf(GatedRuns.UndefinedId), Is.EqualTo("error"));
        });
    }

    [Test]
    public void Fingerprint_baseline_state_and_waiver_suppression()
    {
        var gated = GatedRuns.Gated();
        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(gated));
        var newHigh = ResultFor(document, GatedRuns.NewHighId);
        var existing = ResultFor(document, GatedRuns.ExistingId);
        var waived = ResultFor(document, GatedRuns.WaivedId);
        var suppression = waived.GetProperty("suppressions").EnumerateArray().Single();

        Assert.Multiple(() =>
        {
            Assert.That(newHigh.GetProperty("partialFingerprints").GetProperty(RunSarifWriter.FingerprintKey).GetString(),
                Is.EqualTo(gated.Scenarios.Single(s => s.Id == GatedRuns.NewHighId).Fingerprint));
            Assert.That(newHigh.GetProperty("baselineState").GetString(), Is.EqualTo("new"));
            Assert.That(existing.GetProperty("baselineState").GetString(), Is.EqualTo("unchanged"));
            Assert.That(newHigh.TryGetProperty("suppressions", out _), Is.False);
            Assert.That(suppression.GetProperty("kind").GetString(), Is.EqualTo("external"));
            Assert.That(suppression.GetProperty("status").GetString(), Is.EqualTo("accepted"));
            Assert.That(suppression.GetProperty("justification").GetString(), Is.EqualTo("Scope narrowing ships in 2.4 (owner platform-team, expires 2099-12-31)"));
            Assert.That(newHigh.GetProperty("properties").GetProperty("failsGate").GetBoolean(), Is.True);
            Assert.That(existing.GetProperty("properties").GetProperty("failsGate").GetBoolean(), Is.False);
        });
    }

    [Test]
    public void Without_a_baseline_there_is_no_baseline_state()
    {
        var run = new GateEvaluator(new Core.Configuration.GateSettings(), Core.Catalog.ControlCatalog.BuiltIn).Evaluate(SampleRuns.EveryStatus());

        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(run));

        Assert.That(Results(document).Select(r => r.TryGetProperty("baselineState", out _)), Has.All.False);
    }

    [Test]
    public void An_interrupted_run_says_execution_did_not_succeed()
    {
        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(SampleRuns.Interrupted()));
        var invocation = document.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];

        Assert.Multiple(() =>
        {
            Assert.That(invocation.GetProperty("executionSuccessful").GetBoolean(), Is.False);
            Assert.That(invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString(), Does.Contain("cancelled by the user"));
        });
    }

    [Test]
    public void Artifact_paths_are_escaped_as_relative_uris()
    {
        var run = SampleRuns.Empty() with { Scenarios = [GatedRuns.Failed("my features/a#b.feature:2", "x", ["ASI01"], "high", "boom")] };

        using var document = JsonDocument.Parse(RunSarifWriter.Serialize(run));

        Assert.That(Results(document)[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
            Is.EqualTo("my%20features/a%23b.feature"));
    }
}
