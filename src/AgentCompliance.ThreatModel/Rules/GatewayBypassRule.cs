using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM046: Agent bypasses the agent gateway.</summary>
public sealed class GatewayBypassRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM046",
        Title: "Agent bypasses the agent gateway",
        Layers: [MaestroLayer.L3, MaestroLayer.L6],
        Controls: ["ASI02", "MAESTRO-L3:Framework Evasion", "MAESTRO-L6"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Route every agent call to tools, data and third parties through the gateway that enforces policy and audit.",
        DetectionLogic: "A model with an agent-gateway where an agent has a flow straight to a tool server, data store or external service.",
        FalsePositives: "Calls to the identity provider to fetch tokens.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.HasService(ServiceKind.AgentGateway) && model.IsAgent(flow.From)
        where model.IsService(flow.To, ServiceKind.McpServer) || model.Find<DataStoreElement>(flow.To) is not null || model.Find<ExternalServiceElement>(flow.To) is not null
        select new RuleMatch(flow.Id, $"agent {flow.From} reaches {flow.To} without going through the agent gateway: the gateway's policy and audit do not apply");
}
