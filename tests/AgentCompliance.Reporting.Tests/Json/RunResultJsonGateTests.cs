using System.Text.Json.Nodes;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;
using AgentCompliance.Reporting.JUnit;

namespace AgentCompliance.Reporting.Tests.Json;

/// <summary>The gate's verdict, waivers and new/existing marks in results.json and junit.xml.</summary>
public sealed class RunResultJsonGateTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(SampleRuns.StartedAt.UtcDateTime);

    /// <summary>EveryStatus gated against a baseline holding its failed scenario, with that failure waived.</summary>
    private static RunResult Gated()
    {
        var run = SampleRuns.EveryStatus();
        var failed = run.Scenarios.Single(s => s.Status == ResultStatus.Failed);
        var baseline = run with { Scenarios = [failed] };
        var waiver = new Waiver { Scenario = failed.Id, Justification = "Issuer fix ships in 2.4", Owner = "identity-team", Expires = Today.AddDays(30), File = "waivers.yaml", Line = 4 };
        return new GateEvaluator(new GateSettings(), ControlCatalog.BuiltIn, [waiver], baseline).Evaluate(run, Today);
    }

    [Test]
    public async Task A_gated_run_matches_the_published_schema_and_reads_back_unchanged()
    {
        var gated = Gated();
        var json = RunResultJson.Serialize(gated);

        var errors = (await PublishedSchema.LoadAsync()).Validate(json);
        var read = RunResultJson.Parse(json, "results.json");

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(RunResultJson.Serialize(read)), JsonNode.Parse(json)), Is.True);
            Assert.That(read.Gate!.Reasons, Is.EqualTo(gated.Gate!.Reasons));
            Assert.That(read.Gate.ExitCode, Is.EqualTo(3), "the sample has a scenario not run");
            Assert.That(read.Gate.Reasons.Select(r => r.Kind), Is.SupersetOf(new[] { GateReasonKind.RunIncomplete, GateReasonKind.NotVerified }));
            Assert.That(read.Gate.Reasons.Select(r => r.Kind), Does.Not.Contain(GateReasonKind.FailedAtSeverity), "the critical failure is waived");
            Assert.That(read.Scenarios.Single(s => s.Status == ResultStatus.Failed).Waiver, Is.EqualTo(gated.Scenarios.Single(s => s.Status == ResultStatus.Failed).Waiver));
            Assert.That(read.Scenarios.Where(s => s.Baseline == BaselineStatus.Existing).Select(s => s.Status), Is.EqualTo(new[] { ResultStatus.Failed }));
            Assert.That(read.Scenarios.Count(s => s.Baseline == BaselineStatus.New), Is.EqualTo(3));
        });
    }

    [Test]
    public void A_file_written_before_the_gate_existed_still_reads()
    {
        var node = JsonNode.Parse(RunResultJson.Serialize(Gated()))!.AsObject();
        node.Remove("gate");
        foreach (var scenario in node["scenarios"]!.AsArray())
        {
            scenario!.AsObject().Remove("fingerprint");
            scenario.AsObject().Remove("waiver");
            scenario.AsObject().Remove("baseline");
        }

        var read = RunResultJson.Parse(node.ToJsonString(), "old.json");

        Assert.Multiple(() =>
        {
            Assert.That(read.Gate, Is.Null);
            Assert.That(read.Scenarios.Select(s => s.Fingerprint), Is.EqualTo(SampleRuns.EveryStatus().Scenarios.Select(s => s.Fingerprint)));
        });
    }

    [Test]
    public void JUnit_writes_a_waived_failure_as_skipped_with_the_reason()
    {
        var document = JUnitXmlWriter.ToXDocument(Gated());

        var waived = document.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "Agent tokens are short-lived");
        var root = document.Root!;
        var unwaived = JUnitXmlWriter.ToXDocument(SampleRuns.EveryStatus()).Root!;
        Assert.Multiple(() =>
        {
            Assert.That(waived.Element("failure"), Is.Null);
            Assert.That((string?)waived.Element("skipped")!.Attribute("message"),
                Is.EqualTo($"waived: Issuer fix ships in 2.4 (owner identity-team, expires {Today.AddDays(30):yyyy-MM-dd}, waivers.yaml:4)"));
            Assert.That((int)root.Attribute("failures")!, Is.EqualTo((int)unwaived.Attribute("failures")! - 1));
            Assert.That((int)root.Attribute("skipped")!, Is.EqualTo((int)unwaived.Attribute("skipped")! + 1));
        });
    }
}
