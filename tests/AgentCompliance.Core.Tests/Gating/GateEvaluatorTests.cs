using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Gating;

public class GateEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static ScenarioResult Scenario(string name, ResultStatus status, string[] controls, string? severity = null, int line = 3, string file = "gate.feature") => new()
    {
        Id = $"{file}:{line}",
        Name = name,
        FeatureName = "Gate",
        FeatureFile = file,
        Line = line,
        Controls = controls,
        Tags = [.. controls, .. severity is null ? Array.Empty<string>() : [$"severity:{severity}"]],
        Severity = severity,
        Status = status,
    };

    private static RunResult Run(params ScenarioResult[] scenarios) => new()
    {
        ToolVersion = "test",
        StartedAt = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 6, 1, 8, 1, 0, TimeSpan.Zero),
        Scenarios = scenarios,
    };

    private static Waiver ControlWaiver(string control, DateOnly expires, int line = 2) =>
        new() { Control = control, Justification = "accepted", Owner = "ciso", Expires = expires, File = "waivers.yaml", Line = line };

    [Test]
    public void The_fingerprint_ignores_line_numbers_but_not_the_example_row()
    {
        var original = Scenario("Revokes", ResultStatus.Failed, ["ASI03"], line: 3);
        var moved = original with { Line = 40, Id = "gate.feature:40" };
        var otherRow = original with { Example = "agent=planner" };

        Assert.Multiple(() =>
        {
            Assert.That(moved.Fingerprint, Is.EqualTo(original.Fingerprint));
            Assert.That(otherRow.Fingerprint, Is.Not.EqualTo(original.Fingerprint));
            Assert.That(original.Fingerprint, Does.Match("^[0-9a-f]{16}$"));
        });
    }

    [Test]
    public void A_control_waiver_covers_a_failure_only_when_every_tagged_control_is_waived()
    {
        var evaluator = new GateEvaluator(new GateSettings(), ControlCatalog.BuiltIn, [ControlWaiver("ASI03", Today)]);

        var single = evaluator.Evaluate(Run(Scenario("One control", ResultStatus.Failed, ["ASI03"])), Today);
        var both = evaluator.Evaluate(Run(Scenario("Two controls", ResultStatus.Failed, ["ASI03", "NHI7"])), Today);

        Assert.Multiple(() =>
        {
            Assert.That(single.Gate!.Passed, Is.True, "the waiver's last day still counts");
            Assert.That(single.Scenarios[0].Waiver!.Location, Is.EqualTo("waivers.yaml:2"));
            Assert.That(both.Gate!.Passed, Is.False);
            Assert.That(both.Scenarios[0].Waiver, Is.Null);
        });
    }

    [Test]
    public void A_waiver_expired_the_day_before_fails_the_gate_by_name()
    {
        var evaluator = new GateEvaluator(new GateSettings(), ControlCatalog.BuiltIn, [ControlWaiver("ASI03", Today.AddDays(-1), line: 7)]);

        var result = evaluator.Evaluate(Run(Scenario("Revokes", ResultStatus.Failed, ["ASI03"], "low")), Today);

        Assert.Multiple(() =>
        {
            Assert.That(result.Gate!.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(result.Gate.Reasons.Select(r => r.Kind), Is.EqualTo(new[] { GateReasonKind.WaiverExpired }), "a low failure fails only through its expired waiver");
            Assert.That(result.Gate.Reasons[0].Message, Does.Contain("waivers.yaml:7").And.Contain("expired on 2026-05-31"));
        });
    }

    [Test]
    public void A_required_layer_is_tested_by_a_scenario_tagged_with_one_of_its_threats()
    {
        var catalog = ControlCatalog.BuiltIn;
        var layer = catalog.Resolve("MAESTRO-L3");
        var threat = catalog.ChildrenOf(layer).First();
        var evaluator = new GateEvaluator(new GateSettings { RequiredControls = ["MAESTRO-L3", "MAESTRO-L4"] }, catalog);

        var result = evaluator.Evaluate(Run(Scenario("Layer 3 threat", ResultStatus.Passed, [threat.Id])), Today);

        Assert.That(result.Gate!.Reasons.Select(r => r.Message), Has.Exactly(1).StartsWith($"required control {catalog.Resolve("MAESTRO-L4").Id} "));
    }

    [Test]
    public void Skipped_scenarios_do_not_test_a_required_control()
    {
        var evaluator = new GateEvaluator(new GateSettings { RequiredControls = ["ASI03"] }, ControlCatalog.BuiltIn);

        var result = evaluator.Evaluate(Run(Scenario("Ignored", ResultStatus.Skipped, ["ASI03"])), Today);

        Assert.That(result.Gate!.Reasons.Single().Kind, Is.EqualTo(GateReasonKind.RequiredControlUntested));
    }

    [Test]
    public void A_required_control_fails_on_a_failure_below_the_severity_threshold()
    {
        var evaluator = new GateEvaluator(new GateSettings { RequiredControls = ["ASI03"] }, ControlCatalog.BuiltIn);

        var result = evaluator.Evaluate(Run(Scenario("Minor", ResultStatus.Failed, ["ASI03"], "info")), Today);

        Assert.That(result.Gate!.Reasons.Single().Kind, Is.EqualTo(GateReasonKind.RequiredControlFailed));
    }

    [Test]
    public void Scenarios_not_run_make_the_run_incomplete_whatever_the_mode()
    {
        var evaluator = new GateEvaluator(new GateSettings { Mode = GateMode.ReportOnly }, ControlCatalog.BuiltIn);

        var result = evaluator.Evaluate(Run(Scenario("Never started", ResultStatus.NotRun, [])), Today);

        Assert.That(result.Gate!.ExitCode, Is.EqualTo(ExitCodes.CouldNotRun));
    }

    [Test]
    public void A_shard_leaves_coverage_to_the_merge_but_still_fails_on_its_failures()
    {
        var settings = new GateSettings { RequiredControls = ["ASI01", "ASI03"], MinPassRate = new MinimumPassRates { Nhi = 1.0 } };
        var evaluator = new GateEvaluator(settings, ControlCatalog.BuiltIn);
        var scenarios = new[] { Scenario("Revocation", ResultStatus.Failed, ["ASI03"], "info"), Scenario("Logging", ResultStatus.Failed, ["NHI7"], "low", line: 9) };

        var shard = evaluator.Evaluate(Run(scenarios) with { Shard = new RunShard(1, 2, 4) { Positions = [0, 2] } }, Today);
        var whole = evaluator.Evaluate(Run(scenarios), Today);

        Assert.Multiple(() =>
        {
            Assert.That(shard.Gate!.Reasons.Select(r => r.Kind), Is.EqualTo(new[] { GateReasonKind.RequiredControlFailed }));
            Assert.That(shard.Gate.CoverageDeferred, Is.True);
            Assert.That(shard.Gate.Notes, Has.Some.StartsWith("coverage checks deferred to merge: shard 1/2 holds 2 of 4 selected scenarios"));
            Assert.That(shard.Gate.ExitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(whole.Gate!.Reasons.Select(r => r.Kind), Is.EquivalentTo(new[]
            {
                GateReasonKind.RequiredControlUntested, GateReasonKind.RequiredControlFailed, GateReasonKind.PassRateBelowMinimum,
            }));
            Assert.That(whole.Gate.CoverageDeferred, Is.False);
        });
    }

    [Test]
    public void A_clean_run_passes_with_exit_code_0()
    {
        var result = new GateEvaluator(new GateSettings(), ControlCatalog.BuiltIn).Evaluate(Run(Scenario("Passes", ResultStatus.Passed, ["ASI03"])), Today);

        Assert.Multiple(() =>
        {
            Assert.That(result.Gate!.Passed, Is.True);
            Assert.That(result.Gate.ExitCode, Is.EqualTo(ExitCodes.Success));
        });
    }
}
