using AgentCompliance.Core.Configuration;
using AgentCompliance.Reporting.ThreatModels;
using AgentCompliance.ThreatModel.Evidence;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Reporting.Tests.ThreatModels;

public sealed class ThreatModelJsonTests
{
    [Test]
    public void Threat_model_json_matches_its_published_schema_with_and_without_a_run()
    {
        var schema = SchemaResources.Get(SchemaResources.ThreatModel);
        var withRun = ThreatModelSamples.Build(run: ThreatModelSamples.SmallRun(), tracking: ThreatModelSamples.Tracking(),
            waivers: [new ControlWaiver("NHI7", "accepted until the token broker ships", new DateOnly(2099, 1, 1))]);
        var withoutRun = ThreatModelSamples.Build();

        foreach (var model in new[] { withRun, withoutRun })
        {
            var json = ThreatModelJsonWriter.Serialize(ThreatModelDocument.Build(model, "0.1.0-test"));
            var errors = schema.Validate(json);
            Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
        }
    }

    [Test]
    public void Threats_carry_their_controls_status_and_residual_risk()
    {
        var json = JObject.Parse(ThreatModelJsonWriter.Serialize(ThreatModelDocument.Build(ThreatModelSamples.Build(run: ThreatModelSamples.SmallRun()), "t")));
        var threat = json["threats"]!.Single(t => (string?)t["id"] == "TM001@billing-service-account");

        Assert.Multiple(() =>
        {
            Assert.That((string?)threat["status"], Is.EqualTo("failed"));
            Assert.That(threat["controls"]!.Single(c => (string?)c["id"] == "NHI10")["status"]!.ToString(), Is.EqualTo("failed"));
            Assert.That((string?)threat["controls"]!.Single(c => (string?)c["id"] == "NHI10")["firstFailure"]!["scenario"], Is.EqualTo("features/design/agent-identities.feature:12"));
            Assert.That((int)threat["residualRisk"]!, Is.LessThan((int)threat["inherentRisk"]!), "ASI03 passed, so the likelihood drops");
            Assert.That(json["layers"]!.Select(l => (string?)l["id"]), Is.EqualTo(new[] { "L1", "L2", "L3", "L4", "L5", "L6", "L7" }));
        });
    }
}
