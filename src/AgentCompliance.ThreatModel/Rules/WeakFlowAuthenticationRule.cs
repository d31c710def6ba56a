using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM008: Machine-to-service call authenticated by a static shared value.</summary>
public sealed class WeakFlowAuthenticationRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM008",
        Title: "Machine-to-service call authenticated by a static shared value",
        Layers: [MaestroLayer.L4, MaestroLayer.L6],
        Controls: ["NHI4", "ASI03", "ASI07"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Authenticate with OAuth 2.0 client credentials using private_key_jwt, mTLS or SPIFFE SVIDs instead of API keys or basic auth.",
        DetectionLogic: "A flow whose authentication is api-key or basic.",
        FalsePositives: "API keys that are themselves short-lived and bound to the caller.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where flow.Authentication is FlowAuthentication.ApiKey or FlowAuthentication.Basic
        select new RuleMatch(flow.Id, $"{flow.From} → {flow.To} authenticates with {flow.Authentication}: a copied value is enough to impersonate the caller");
}
