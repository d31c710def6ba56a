using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM024: Audit log writable without strong authentication.</summary>
public sealed class WeaklyAuthenticatedAuditLogRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM024",
        Title: "Audit log writable without strong authentication",
        Layers: [MaestroLayer.L5],
        Controls: ["ASI10", "MAESTRO-L5:Compromised Observability Tools", "MAESTRO-L5:Poisoning Observability Data"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Accept audit events only from mutually authenticated producers and make the log append-only.",
        DetectionLogic: "A flow into an audit-log service whose authentication is none, api-key or basic.",
        FalsePositives: "Audit logs that sign or hash-chain events at the producer.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.IsService(flow.To, ServiceKind.AuditLog) && flow.Authentication.IsWeak()
        select new RuleMatch(flow.Id, $"{flow.From} writes to audit log {flow.To} with {flow.Authentication} authentication: forged or deleted events go unnoticed");
}
