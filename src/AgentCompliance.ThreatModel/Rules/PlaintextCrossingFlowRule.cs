using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM035: Boundary-crossing flow in plain text.</summary>
public sealed class PlaintextCrossingFlowRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM035",
        Title: "Boundary-crossing flow in plain text",
        Layers: [MaestroLayer.L4],
        Controls: ["ASI07", "NHI4", "MAESTRO-L4:Lateral Movement"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Use TLS (or mTLS) on every flow that crosses a trust boundary.",
        DetectionLogic: "A flow over http that crosses a trust boundary.",
        FalsePositives: "Loopback-only development setups.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where flow.Protocol.IsPlaintext() && model.Crosses(flow)
        select new RuleMatch(flow.Id, $"{flow.From} → {flow.To} crosses a trust boundary over plain http: credentials and data can be read or changed on the way");
}
