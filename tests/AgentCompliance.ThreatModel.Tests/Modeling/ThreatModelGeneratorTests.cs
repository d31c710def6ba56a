using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Results;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Modeling;
using AgentCompliance.ThreatModel.Tests.Fixtures;

namespace AgentCompliance.ThreatModel.Tests.Modeling;

public sealed class ThreatModelGeneratorTests
{
    [Test]
    public void The_sample_platform_shows_the_articles_edge_cases()
    {
        var result = Generate(null);
        var ids = result.Threats.Select(t => t.Id).ToList();

        Assert.That(ids, Does.Contain("TM001@billing-service-account"), "service account shared by a human and an agent");
        Assert.That(ids, Does.Contain("TM004@billing-agent"), "human approves while the agent has no identity of its own");
        Assert.That(ids, Does.Contain("TM015@billing-to-gateway"), "long-running agent crosses a boundary without re-evaluation");
        Assert.That(ids, Does.Contain("TM014@legacy-crm"), "agent inside a legacy SaaS integration that cannot be isolated");
        Assert.That(ids, Does.Contain("TM017@support-to-legacy-crm"), "boundary crossing without request-time policy");
        Assert.That(ids, Does.Contain("TM018@support-to-legacy-crm"), "boundary crossing without central telemetry");
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Threat_ids_and_order_are_stable_across_runs()
    {
        var first = Generate(null).Threats.Select(t => t.Id).ToList();
        var second = Generate(null).Threats.Select(t => t.Id).ToList();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void A_flow_threat_is_placed_at_the_boundaries_it_crosses()
    {
        var threat = Generate(null).Threats.Single(t => t.Id == "TM015@billing-to-gateway");

        Assert.That(threat.TargetKind, Is.EqualTo("flow"));
        Assert.That(threat.Boundaries, Is.EqualTo(new[] { "agent-runtime" }));
    }

    [Test]
    public void Without_a_run_every_threat_is_untested_and_keeps_its_inherent_risk()
    {
        var result = Generate(null);

        Assert.That(result.Threats.Select(t => t.Status).Distinct(), Is.EqualTo(new[] { ThreatStatus.Untested }));
        Assert.That(result.Threats.All(t => t.ResidualRisk == t.InherentRisk), Is.True);
    }

    [Test]
    public void Passed_controls_lower_residual_risk_and_failed_ones_do_not()
    {
        // TM001 maps NHI10, NHI9, ASI03, ASI09.
        var allPassed = Generate(Run(("NHI10", ResultStatus.Passed), ("NHI9", ResultStatus.Passed), ("ASI03", ResultStatus.Passed), ("ASI09", ResultStatus.Passed)));
        var oneFailed = Generate(Run(("NHI10", ResultStatus.Passed), ("ASI03", ResultStatus.Failed)));
        var none = Generate(null);

        var verified = allPassed.Threats.Single(t => t.Id == "TM001@billing-service-account");
        var failed = oneFailed.Threats.Single(t => t.Id == "TM001@billing-service-account");
        var untested = none.Threats.Single(t => t.Id == "TM001@billing-service-account");

        Assert.That(verified.Status, Is.EqualTo(ThreatStatus.Verified));
        Assert.That(verified.ResidualLikelihood, Is.EqualTo(1));
        Assert.That(failed.Status, Is.EqualTo(ThreatStatus.Failed));
        Assert.That(failed.ResidualRisk, Is.LessThan(untested.ResidualRisk), "the one passed control still counts");
        Assert.That(failed.ResidualRisk, Is.GreaterThan(verified.ResidualRisk));
    }

    [Test]
    public void A_failed_control_with_an_active_waiver_is_waived_and_does_not_lower_risk()
    {
        var run = Run(("ASI03", ResultStatus.Failed));
        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, run,
            [new ControlWaiver("ASI03", "compensating manual review until the broker ships", new DateOnly(2099, 1, 1))]);
        var threat = new ThreatModelGenerator().Generate(TestModels.ReferencePlatform, index, run).Threats.Single(t => t.Id == "TM001@billing-service-account");

        Assert.That(index.Get("ASI03").Status, Is.EqualTo(ControlStatus.Waived));
        Assert.That(threat.ResidualRisk, Is.EqualTo(threat.InherentRisk));
    }

    private static ThreatModelResult Generate(RunResult? run) =>
        new ThreatModelGenerator().Generate(TestModels.ReferencePlatform, ControlStatusIndex.Build(ControlCatalog.BuiltIn, run), run);

    internal static RunResult Run(params (string Control, ResultStatus Status)[] scenarios) => new()
    {
        ToolVersion = "test",
        StartedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Scenarios =
        [
            .. scenarios.Select((s, n) => new ScenarioResult
            {
                Id = $"features/x.feature:{n + 1}",
                Name = $"checks {s.Control}",
                FeatureName = "x",
                FeatureFile = "features/x.feature",
                Controls = [s.Control],
                Status = s.Status,
            }),
        ],
    };
}
