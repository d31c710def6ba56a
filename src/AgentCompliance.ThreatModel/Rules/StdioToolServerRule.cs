using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM040: Tool server launched as a local process over stdio.</summary>
public sealed class StdioToolServerRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM040",
        Title: "Tool server launched as a local process over stdio",
        Layers: [MaestroLayer.L3, MaestroLayer.L4],
        Controls: ["ASI05", "ASI04", "MAESTRO-L3:Compromised Framework Components"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Run tool servers as separate, sandboxed services with their own identity; pin and verify the package that is launched.",
        DetectionLogic: "A flow to an MCP server over stdio.",
        FalsePositives: "First-party servers built from the same repository and sandboxed.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where flow.Protocol == FlowProtocol.Stdio && model.IsService(flow.To, ServiceKind.McpServer)
        select new RuleMatch(flow.Id, $"{flow.From} launches tool server {flow.To} over stdio: it runs with the caller's privileges and whatever package version is installed");
}
