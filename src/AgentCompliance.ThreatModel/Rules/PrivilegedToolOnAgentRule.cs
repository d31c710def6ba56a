using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM011: Agent holds a privileged tool.</summary>
public sealed class PrivilegedToolOnAgentRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM011",
        Title: "Agent holds a privileged tool",
        Layers: [MaestroLayer.L3, MaestroLayer.L7],
        Controls: ["NHI5", "ASI02", "LLM06"],
        Likelihood: 3,
        Impact: 5,
        Mitigation: "Remove privilege-changing tools from agents, or grant them just in time for one approved task.",
        DetectionLogic: "An agent whose tool list includes a tool with sensitivity privileged.",
        FalsePositives: "Administrative agents whose every privileged call needs human approval and is audited.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from agent in model.Model.Agents
        let privileged = model.ToolsOf(agent).Where(t => t.Sensitivity == ToolSensitivity.Privileged).Select(t => t.Id).ToList()
        where privileged.Count > 0
        select new RuleMatch(agent.Id, $"agent '{agent.Name}' may call privileged tool(s) {string.Join(", ", privileged)}");
}
