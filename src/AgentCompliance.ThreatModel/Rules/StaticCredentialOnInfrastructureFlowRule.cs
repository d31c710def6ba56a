using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM022: Platform component reaches another with a copyable static secret.</summary>
public sealed class StaticCredentialOnInfrastructureFlowRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM022",
        Title: "Platform component reaches another with a copyable static secret",
        Layers: [MaestroLayer.L4],
        Controls: ["NHI6", "ASI04", "ASI05", "MAESTRO-L4:Infrastructure-as-Code (IaC) Manipulation"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Use workload identity federation (OIDC, SPIFFE) between platform components instead of stored secrets.",
        DetectionLogic: "A flow from a service whose identity authenticates with a client secret, API key or password.",
        FalsePositives: "Secrets injected at run time from a secret store with short leases.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.Find<ServiceElement>(flow.From) is not null
        let identity = model.Find<IdentityElement>(flow.Identity)
        where identity is not null && identity.CredentialType.IsCopyableSecret()
        select new RuleMatch(flow.Id, $"service {flow.From} presents '{identity.Name}', a {identity.CredentialType}, to {flow.To}");
}
