using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM007: Secret rotated too rarely.</summary>
public sealed class InfrequentSecretRotationRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM007",
        Title: "Secret rotated too rarely",
        Layers: [MaestroLayer.L6],
        Controls: ["NHI7"],
        Likelihood: 3,
        Impact: 3,
        Mitigation: "Rotate secrets at least every 90 days, preferably automatically, or move to short-lived credentials.",
        DetectionLogic: "A non-human identity whose rotationDays is above 90.",
        FalsePositives: "Keys held in hardware where rotation adds little.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.Kind != IdentityKind.Human && identity.RotationDays > ElementFacts.MaxRotationDays
        select new RuleMatch(identity.Id, $"'{identity.Name}' is rotated every {identity.RotationDays} days (more than {ElementFacts.MaxRotationDays})");
}
