using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM013: Third-party service holds a long-lived agent credential.</summary>
public sealed class ThirdPartyHoldsCredentialRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM013",
        Title: "Third-party service holds a long-lived agent credential",
        Layers: [MaestroLayer.L7],
        Controls: ["NHI3", "ASI04"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Give third parties only short-lived, audience-bound credentials and revoke them when the integration ends.",
        DetectionLogic: "A flow to an external service presenting an identity whose credential outlives a task.",
        FalsePositives: "Credentials the vendor cannot replay (e.g. mTLS with a key that never leaves the caller).");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.Find<ExternalServiceElement>(flow.To) is not null && flow.Identity is not null
        let identity = model.Find<IdentityElement>(flow.Identity)
        where identity is not null && ElementFacts.OutlivesTask(identity.CredentialLifetimeSeconds ?? flow.CredentialLifetimeSeconds)
        select new RuleMatch(flow.Id, $"third party {flow.To} receives '{identity.Name}', a credential with no task-scoped lifetime: a breach at the vendor exposes it");
}
