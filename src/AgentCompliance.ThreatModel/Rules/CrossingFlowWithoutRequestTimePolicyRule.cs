using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM017: Boundary-crossing flow without a request-time policy control.</summary>
public sealed class CrossingFlowWithoutRequestTimePolicyRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM017",
        Title: "Boundary-crossing flow without a request-time policy control",
        Layers: [MaestroLayer.L4, MaestroLayer.L6],
        Controls: ["ASI03", "ASI02", "MAESTRO-XL:Privilege Escalation"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Ask a policy decision point on every boundary-crossing request instead of relying on grants made once.",
        DetectionLogic: "A flow that crosses a trust boundary whose authorization is not policy-at-request-time.",
        FalsePositives: "Flows that carry no action (e.g. health checks).");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.Crosses(flow) && flow.Authorization != FlowAuthorization.PolicyAtRequestTime
        select new RuleMatch(flow.Id, $"{flow.From} → {flow.To} crosses a trust boundary with {flow.Authorization} authorization: nothing decides at request time whether this call is allowed now");
}
