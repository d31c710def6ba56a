using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM018: Boundary-crossing flow without a telemetry control.</summary>
public sealed class CrossingFlowWithoutAuditRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM018",
        Title: "Boundary-crossing flow without a telemetry control",
        Layers: [MaestroLayer.L5, MaestroLayer.L6],
        Controls: ["ASI10", "T8", "MEASURE 2.8", "MAESTRO-L7:Repudiation"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Log every boundary-crossing request (who, what tool or data, which decision) to the central audit trail.",
        DetectionLogic: "A flow that crosses a trust boundary whose logging is not central-audit.",
        FalsePositives: "Flows audited at the other end by a system the model does not show.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.Crosses(flow) && flow.Logging != FlowLogging.CentralAudit
        select new RuleMatch(flow.Id, $"{flow.From} → {flow.To} crosses a trust boundary with {flow.Logging} logging: the crossing leaves no central record");
}
