using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM027: Agents call tools and nothing decides policy at request time.</summary>
public sealed class NoPolicyDecisionPointRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM027",
        Title: "Agents call tools and nothing decides policy at request time",
        Layers: [MaestroLayer.L6],
        Controls: ["ASI02", "ASI03", "MAESTRO-L6"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Put a policy decision point in front of tool calls and ask it on every request.",
        DetectionLogic: "A model where agents have tools but there is no policy-decision-point service.",
        FalsePositives: "Tool servers that embed an equivalent policy engine.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        model.Model.Agents.Any(a => a.Tools.Count > 0) && !model.HasService(ServiceKind.PolicyDecisionPoint)
            ? [new RuleMatch(model.SystemId, "agents call tools but the model has no policy decision point")]
            : [];
}
