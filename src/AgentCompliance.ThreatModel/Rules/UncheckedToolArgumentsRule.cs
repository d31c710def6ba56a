using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM049: State-changing tool calls without a request-time policy check.</summary>
public sealed class UncheckedToolArgumentsRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM049",
        Title: "State-changing tool calls without a request-time policy check",
        Layers: [MaestroLayer.L3],
        Controls: ["ASI02", "LLM06", "MAESTRO-L3:Input Validation Attacks"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Check each state-changing tool call and its arguments against policy before it runs.",
        DetectionLogic: "A flow carrying a tool that changes state whose authorization is not policy-at-request-time.",
        FalsePositives: "Tool servers that validate arguments against a strict schema and allow-list.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        let sensitive = model.ToolsOn(flow).Where(t => t.Sensitivity.ChangesState()).Select(t => t.Id).ToList()
        where sensitive.Count > 0 && flow.Authorization != FlowAuthorization.PolicyAtRequestTime
        select new RuleMatch(flow.Id, $"{string.Join(", ", sensitive)} are called with {flow.Authorization} authorization: no per-call check of what the agent asks for");
}
