using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM020: Agent identity not issued by an identity provider.</summary>
public sealed class UnmanagedIdentityRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM020",
        Title: "Agent identity not issued by an identity provider",
        Layers: [MaestroLayer.L6],
        Controls: ["NHI1", "ASI10", "MANAGE 2.4"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Issue agent credentials from a central identity provider so they can be revoked, audited and offboarded in one place.",
        DetectionLogic: "An identity used by an agent with no issuedBy.",
        FalsePositives: "Credentials minted by a vendor portal that is itself the system of record.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.IssuedBy is null && identity.UsedBy.Any(model.IsAgent)
        select new RuleMatch(identity.Id, $"'{identity.Name}' has no issuer in the model: it cannot be revoked centrally when the agent is retired or goes rogue");
}
