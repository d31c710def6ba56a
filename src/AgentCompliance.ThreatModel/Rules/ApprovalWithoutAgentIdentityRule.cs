using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM004: Human approves while the agent executes with no identity of its own.</summary>
public sealed class ApprovalWithoutAgentIdentityRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM004",
        Title: "Human approves while the agent executes with no identity of its own",
        Layers: [MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["ASI09", "ASI03", "NHI10", "MAP 3.5"],
        Likelihood: 4,
        Impact: 5,
        Mitigation: "Record the approval under the person's own identity and the execution under the agent's own workload identity, and bind the approval to the exact action.",
        DetectionLogic: "An agent that may call a tool requiring human approval but has no identity that it alone uses.",
        FalsePositives: "Approval recorded by a separate workflow system that is not in the model.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from agent in model.Model.Agents
        let approvalTools = model.ToolsOf(agent).Where(t => t.RequiresHumanApproval).Select(t => t.Id).ToList()
        where approvalTools.Count > 0
        where !model.IdentitiesOf(agent.Id).Any(i => i.UsedBy.Count == 1 && i.Kind != IdentityKind.Human)
        select new RuleMatch(agent.Id, $"agent '{agent.Name}' executes approved actions ({string.Join(", ", approvalTools)}) without an identity of its own: the approval and the execution cannot be attributed separately");
}
