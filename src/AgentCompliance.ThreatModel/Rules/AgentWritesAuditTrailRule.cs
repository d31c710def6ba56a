using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM044: Agent can write to its own audit trail.</summary>
public sealed class AgentWritesAuditTrailRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM044",
        Title: "Agent can write to its own audit trail",
        Layers: [MaestroLayer.L5, MaestroLayer.L7],
        Controls: ["ASI10", "MAESTRO-L5:Poisoning Observability Data"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Let the gateway or tool server record what agents do; agents themselves get no write access to the audit log.",
        DetectionLogic: "A flow from an agent to an audit-log service.",
        FalsePositives: "Agents that emit events the log signs and cannot be deleted.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.IsAgent(flow.From) && model.IsService(flow.To, ServiceKind.AuditLog)
        select new RuleMatch(flow.Id, $"agent {flow.From} writes to audit log {flow.To} directly: a rogue agent can forge or bury its own record");
}
