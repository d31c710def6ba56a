using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM019: Identity that nothing uses.</summary>
public sealed class OrphanedIdentityRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM019",
        Title: "Identity that nothing uses",
        Layers: [MaestroLayer.L6],
        Controls: ["NHI1"],
        Likelihood: 3,
        Impact: 3,
        Mitigation: "Offboard identities with no owner: disable, then delete them and revoke their credentials.",
        DetectionLogic: "An identity whose usedBy is empty.",
        FalsePositives: "Identities provisioned ahead of a deployment.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.UsedBy.Count == 0
        select new RuleMatch(identity.Id, $"'{identity.Name}' is used by no agent or human but still exists");
}
