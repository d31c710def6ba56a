using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM030: Agents call a tool server from outside their trust boundaries.</summary>
public sealed class ToolServerOutsideAgentBoundaryRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM030",
        Title: "Agents call a tool server from outside their trust boundaries",
        Layers: [MaestroLayer.L3, MaestroLayer.L7],
        Controls: ["ASI04", "LLM03", "MAESTRO-L3:Supply Chain Attacks", "MAESTRO-XL:Supply Chain Attacks"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Run tool servers inside your own boundary, pinned and attested, or treat their tool descriptions and results as untrusted input.",
        DetectionLogic: "An MCP server hosting tools of an agent, enclosed by none of the boundaries that enclose that agent.",
        FalsePositives: "Vendor-hosted servers under contract and attested.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from server in model.Model.Services
        where server.Kind == ServiceKind.McpServer
        let agents = model.Model.Tools.Where(t => t.Server == server.Id).SelectMany(model.AgentsUsing).Select(a => a.Id).Distinct().ToList()
        let serverBoundaries = model.Boundaries.EnclosingBoundaries(server.Id)
        let outside = agents.Where(a => !model.Boundaries.EnclosingBoundaries(a).Overlaps(serverBoundaries)).ToList()
        where outside.Count > 0
        select new RuleMatch(server.Id, $"tool server '{server.Name}' shares no trust boundary with agent(s) {string.Join(", ", outside)}: its tool descriptions and results come from outside");
}
