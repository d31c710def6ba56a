using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM031: Agent reads untrusted content and can change state.</summary>
public sealed class UntrustedContentWithStateChangingToolsRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM031",
        Title: "Agent reads untrusted content and can change state",
        Layers: [MaestroLayer.L1, MaestroLayer.L3, MaestroLayer.L7],
        Controls: ["ASI01", "LLM01", "MAESTRO-L7:Agent Goal Manipulation"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Screen external content for injected instructions, keep goals fixed, and gate state-changing calls behind policy or approval.",
        DetectionLogic: "An agent with a tool that changes state and a flow to an external service or data store.",
        FalsePositives: "External sources that return structured data only, never free text.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from agent in model.Model.Agents
        let writers = model.ToolsOf(agent).Where(t => t.Sensitivity.ChangesState()).Select(t => t.Id).ToList()
        let sources = model.FlowsFrom(agent.Id).Where(f => model.Find<ExternalServiceElement>(f.To) is not null || model.Find<DataStoreElement>(f.To) is not null).Select(f => f.To).ToList()
        where writers.Count > 0 && sources.Count > 0
        select new RuleMatch(agent.Id, $"agent '{agent.Name}' reads content from {string.Join(", ", sources)} and can call {string.Join(", ", writers)}: injected instructions can become actions");
}
