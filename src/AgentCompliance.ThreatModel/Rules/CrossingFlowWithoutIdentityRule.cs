using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM016: Boundary-crossing flow without an identity control.</summary>
public sealed class CrossingFlowWithoutIdentityRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM016",
        Title: "Boundary-crossing flow without an identity control",
        Layers: [MaestroLayer.L4, MaestroLayer.L6],
        Controls: ["ASI03", "NHI4", "ASI07"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Authenticate every boundary-crossing request and name the identity it presents.",
        DetectionLogic: "A flow that crosses a trust boundary whose authentication is none, or that starts at an agent or human and names no identity.",
        FalsePositives: "Flows whose identity is established by a transport the model does not describe.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.Crosses(flow)
        where flow.Authentication == FlowAuthentication.None || (flow.Identity is null && (model.IsAgent(flow.From) || model.IsHuman(flow.From)))
        select new RuleMatch(flow.Id, flow.Authentication == FlowAuthentication.None
            ? $"{flow.From} → {flow.To} crosses a trust boundary unauthenticated"
            : $"{flow.From} → {flow.To} crosses a trust boundary without naming the identity it presents");
}
