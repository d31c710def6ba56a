using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM037: Agent delegates without narrowing its token.</summary>
public sealed class DelegationWithoutTokenExchangeRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM037",
        Title: "Agent delegates without narrowing its token",
        Layers: [MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["ASI03", "ASI07", "MAESTRO-XL:Privilege Escalation"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Use OAuth 2.0 token exchange (RFC 8693) so the callee receives a token for its own audience with fewer rights.",
        DetectionLogic: "A flow from one agent to another, or to an orchestrator, authenticated with plain oauth2.",
        FalsePositives: "Callers whose token is already audience-bound to the callee.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.IsAgent(flow.From) && (model.IsAgent(flow.To) || model.IsService(flow.To, ServiceKind.Orchestrator))
        where flow.Authentication == FlowAuthentication.OAuth2
        select new RuleMatch(flow.Id, $"agent {flow.From} passes its own OAuth token to {flow.To}: the callee can act with the caller's full rights");
}
