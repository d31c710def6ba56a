using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Modeling;
using AgentCompliance.ThreatModel.Tests.Fixtures;
using AgentCompliance.ThreatModel.Tracking;

namespace AgentCompliance.ThreatModel.Tests.Tracking;

public sealed class RiskTrackingLoaderTests
{
    private static IReadOnlyList<string> SampleThreatIds => new ThreatModelGenerator().ThreatIds(TestModels.ReferencePlatform);

    [Test]
    public void The_sample_tracking_file_beside_the_sample_model_loads()
    {
        var path = RiskTrackingLoader.FindBeside(RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml"));

        var tracking = RiskTrackingLoader.Load(path!, SampleThreatIds);

        Assert.That(tracking.Risks.Select(r => (r.Threat, r.Status)), Is.EqualTo(new[]
        {
            ("TM043@reference-agent-platform", RiskDecision.Accepted),
            ("TM048@agent-runtime", RiskDecision.Mitigated),
        }));
        Assert.That(tracking.Risks[0].Date, Is.EqualTo(new DateOnly(2026, 1, 15)));
    }

    [Test]
    public void A_decision_is_attached_to_its_threat_and_does_not_lower_residual_risk()
    {
        var tracking = RiskTrackingLoader.LoadFromText(
            "version: 1\nrisks:\n  - threat: TM001@billing-service-account\n    status: accepted\n    justification: Split planned for the next quarter.\n    owner: iam-team\n    date: 2026-03-01\n",
            "risks.yaml", SampleThreatIds);
        var result = new ThreatModelGenerator().Generate(TestModels.ReferencePlatform, ControlStatusIndex.Build(ControlCatalog.BuiltIn, null), null, tracking);
        var threat = result.Threats.Single(t => t.Id == "TM001@billing-service-account");

        Assert.That(threat.Tracking?.Owner, Is.EqualTo("iam-team"));
        Assert.That(threat.ResidualRisk, Is.EqualTo(threat.InherentRisk));
    }

    [Test]
    public void An_unknown_threat_is_reported_at_its_line_with_the_closest_id()
    {
        var error = Assert.Throws<InvalidInputException>(() => RiskTrackingLoader.LoadFromText(
            "version: 1\nrisks:\n  - threat: TM001@billing-service-acount\n    status: accepted\n    justification: Split planned for the next quarter.\n    owner: iam-team\n    date: 2026-03-01\n",
            "risks.yaml", SampleThreatIds));

        Assert.That(error!.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Problems[0].Line, Is.EqualTo(3));
        Assert.That(error.Problems[0].Hint, Does.Contain("TM001@billing-service-account"));
    }

    [Test]
    public void Schema_problems_are_reported_with_file_and_line()
    {
        var error = Assert.Throws<InvalidInputException>(() => RiskTrackingLoader.LoadFromText(
            "version: 1\nrisks:\n  - threat: TM001@billing-service-account\n    status: ignored\n    justification: short\n    date: 2026-03-01\n",
            "risks.yaml", SampleThreatIds));

        Assert.That(error!.Problems.Select(p => p.File).Distinct(), Is.EqualTo(new[] { "risks.yaml" }));
        Assert.That(error.Problems.Select(p => p.Line), Does.Contain(4), "the bad status");
        Assert.That(error.Problems.Select(p => p.Message), Has.Some.Contain("owner"), "the missing owner");
    }

    [Test]
    public void A_threat_tracked_twice_is_an_error()
    {
        const string entry = "  - threat: TM001@billing-service-account\n    status: accepted\n    justification: Split planned for the next quarter.\n    owner: iam-team\n    date: 2026-03-01\n";

        var error = Assert.Throws<InvalidInputException>(() => RiskTrackingLoader.LoadFromText("version: 1\nrisks:\n" + entry + entry, "risks.yaml", SampleThreatIds));

        Assert.That(error!.Problems.Single().Message, Does.Contain("tracked twice"));
    }
}
