using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM009: Flow without authentication.</summary>
public sealed class UnauthenticatedFlowRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM009",
        Title: "Flow without authentication",
        Layers: [MaestroLayer.L4, MaestroLayer.L6],
        Controls: ["NHI4", "ASI03", "ASI07"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Require the caller to authenticate on every request (OAuth 2.0, mTLS or SPIFFE).",
        DetectionLogic: "A flow whose authentication is none.",
        FalsePositives: "Public, read-only endpoints that serve no sensitive data.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where flow.Authentication == FlowAuthentication.None
        select new RuleMatch(flow.Id, $"{flow.From} → {flow.To} carries no authentication: anyone who can reach {flow.To} can call it");
}
