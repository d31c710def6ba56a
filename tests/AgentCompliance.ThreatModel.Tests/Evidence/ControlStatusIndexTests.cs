using AgentCompliance.Core.Catalog;
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
    public void An_expired_waiver_does_not_apply()
    {
        var run = ThreatModelGeneratorTests.Run(("ASI03", ResultStatus.Failed));
        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, run, [new ControlWaiver("ASI03", "was accepted for the pilot", new DateOnly(2025, 12, 31))]);

        Assert.That(index.Get("ASI03").Status, Is.EqualTo(ControlStatus.Failed));
    }
}
