using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Tests.Modeling;

namespace AgentCompliance.ThreatModel.Tests.Evidence;

public sealed class ControlStatusIndexTests
{
    [TestCase(ResultStatus.Passed, ControlStatus.Passed)]
    [TestCase(ResultStatus.Failed, ControlStatus.Failed)]
    [TestCase(ResultStatus.Undefined, ControlStatus.Failed)]
    [TestCase(ResultStatus.Pending, ControlStatus.Failed)]
    [TestCase(ResultStatus.Ambiguous, ControlStatus.Failed)]
    [TestCase(ResultStatus.Skipped, ControlStatus.Untested)]
    [TestCase(ResultStatus.NotRun, ControlStatus.Untested)]
    public void A_control_takes_the_status_its_scenarios_earned(ResultStatus scenario, ControlStatus expected)
    {
        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, ThreatModelGeneratorTests.Run(("NHI7", scenario)));

        Assert.That(index.Get("NHI7").Status, Is.EqualTo(expected));
    }

    [Test]
    public void One_failure_among_passes_fails_the_control()
    {
        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, ThreatModelGeneratorTests.Run(("ASI03", ResultStatus.Passed), ("ASI03", ResultStatus.Failed)));

        Assert.That(index.Get("ASI03").Status, Is.EqualTo(ControlStatus.Failed));
        Assert.That(index.Get("ASI03").Scenarios[0].Status, Is.EqualTo(ResultStatus.Failed), "failures are listed first");
    }

    [Test]
    public void Controls_no_scenario_tags_are_untested_and_process_controls_are_marked()
    {
        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, ThreatModelGeneratorTests.Run(("ASI03", ResultStatus.Passed)));

        Assert.That(index.Get("ASI01").Status, Is.EqualTo(ControlStatus.Untested));
        Assert.That(index.All.Any(c => c.IsProcessControl), Is.True);
        Assert.That(index.All.Count(), Is.EqualTo(ControlCatalog.BuiltIn.Controls.Count));
    }

    [Test]
    public void A_failure_the_gate_accepted_under_a_scenario_waiver_makes_the_control_waived_showing_the_waiver()
    {
        var run = ThreatModelGeneratorTests.Run(("NHI2", ResultStatus.Passed), ("NHI2", ResultStatus.Failed));
        run = run with { Scenarios = [run.Scenarios[0], run.Scenarios[1] with { Waiver = ScenarioWaiver() }] };

        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, run);

        Assert.That(index.Get("NHI2").Status, Is.EqualTo(ControlStatus.Waived));
        Assert.That(index.Get("NHI2").Waiver, Is.EqualTo(new ControlWaiver("NHI2", "key rotated next release", new DateOnly(2030, 1, 31)) { Owner = "appsec" }));
    }

    [Test]
    public void A_waived_failure_does_not_hide_another_failure_of_the_same_control()
    {
        var run = ThreatModelGeneratorTests.Run(("NHI2", ResultStatus.Failed), ("NHI2", ResultStatus.Failed));
        run = run with { Scenarios = [run.Scenarios[0] with { Waiver = ScenarioWaiver() }, run.Scenarios[1]] };

        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, run);

        Assert.That(index.Get("NHI2").Status, Is.EqualTo(ControlStatus.Failed));
        Assert.That(index.Get("NHI2").Waiver, Is.Null);
    }

    private static Waiver ScenarioWaiver() => new()
    {
        Scenario = "Code/Agent code holds no credentials",
        Justification = "key rotated next release",
        Owner = "appsec",
        Expires = new DateOnly(2030, 1, 31),
        File = "waivers.yaml",
        Line = 3,
    };

    [Test]
    public void An_expired_waiver_does_not_apply()
    {
        var run = ThreatModelGeneratorTests.Run(("ASI03", ResultStatus.Failed));
        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, run, [new ControlWaiver("ASI03", "was accepted for the pilot", new DateOnly(2025, 12, 31))]);

        Assert.That(index.Get("ASI03").Status, Is.EqualTo(ControlStatus.Failed));
    }
}
