using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM048: Several agents share one process boundary.</summary>
public sealed class AgentsShareProcessBoundaryRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM048",
        Title: "Several agents share one process boundary",
        Layers: [MaestroLayer.L4],
        Controls: ["ASI08", "MAESTRO-L4:Lateral Movement", "MAESTRO-XL:Lateral Movement"],
        Likelihood: 2,
        Impact: 4,
        Mitigation: "Isolate agents from each other (separate processes or containers with their own identities) to cap the blast radius.",
        DetectionLogic: "A process boundary that directly contains two or more agents.",
        FalsePositives: "Agents that hold no credentials or memory of their own.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from boundary in model.Model.TrustBoundaries
        where boundary.Kind == TrustBoundaryKind.Process
        let agents = boundary.Contains.Where(model.IsAgent).ToList()
        where agents.Count > 1
        select new RuleMatch(boundary.Id, $"'{boundary.Name}' holds agents {string.Join(", ", agents)} in one process: one compromised agent can reach the others' memory and credentials");
}
