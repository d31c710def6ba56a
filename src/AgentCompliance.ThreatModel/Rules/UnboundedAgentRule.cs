using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM047: Agent outside every trust boundary.</summary>
public sealed class UnboundedAgentRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM047",
        Title: "Agent outside every trust boundary",
        Layers: [MaestroLayer.L4],
        Controls: ["ASI08", "MAESTRO-L4:Lateral Movement", "MAESTRO-XL:Lateral Movement"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Run each agent inside a process or network boundary that limits what it can reach.",
        DetectionLogic: "An agent enclosed by no trust boundary.",
        FalsePositives: "Models that simply have not drawn boundaries yet.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from agent in model.Model.Agents
        where model.Boundaries.EnclosingBoundaries(agent.Id).Count == 0
        select new RuleMatch(agent.Id, $"agent '{agent.Name}' sits in no trust boundary: nothing limits what it can reach");
}
