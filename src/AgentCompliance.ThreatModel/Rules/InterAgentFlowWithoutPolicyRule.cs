using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM038: Multi-agent chain without a policy check between planner and executor.</summary>
public sealed class InterAgentFlowWithoutPolicyRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM038",
        Title: "Multi-agent chain without a policy check between planner and executor",
        Layers: [MaestroLayer.L3, MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["ASI08", "MAESTRO-XL:Goal Misalignment Cascades"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Separate planning from execution with a request-time policy check and circuit breakers between agents.",
        DetectionLogic: "A flow from one agent to another whose authorization is not policy-at-request-time.",
        FalsePositives: "Advisory agents whose output a person reviews before use.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.IsAgent(flow.From) && model.IsAgent(flow.To) && flow.Authorization != FlowAuthorization.PolicyAtRequestTime
        select new RuleMatch(flow.Id, $"agent {flow.From} drives agent {flow.To} with {flow.Authorization} authorization: one agent's error propagates unchecked");
}
