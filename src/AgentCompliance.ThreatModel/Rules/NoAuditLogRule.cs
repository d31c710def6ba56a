using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM025: Agents with no central audit log.</summary>
public sealed class NoAuditLogRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM025",
        Title: "Agents with no central audit log",
        Layers: [MaestroLayer.L5],
        Controls: ["ASI10", "ASI08", "T8", "MAESTRO-L7:Repudiation"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Add a central, append-only audit log recording tool calls, data access and downstream actions.",
        DetectionLogic: "A model with agents but no audit-log service.",
        FalsePositives: "An audit log run by another team and left out of the model.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        model.Model.Agents.Count > 0 && !model.HasService(ServiceKind.AuditLog)
            ? [new RuleMatch(model.SystemId, $"{model.Model.Agents.Count} agent(s) and no audit-log service in the model: agent actions cannot be reconstructed")]
            : [];
}
