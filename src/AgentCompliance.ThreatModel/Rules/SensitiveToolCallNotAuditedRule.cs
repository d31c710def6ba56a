using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM026: State-changing tool calls not centrally audited.</summary>
public sealed class SensitiveToolCallNotAuditedRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM026",
        Title: "State-changing tool calls not centrally audited",
        Layers: [MaestroLayer.L3, MaestroLayer.L5],
        Controls: ["ASI02", "ASI10", "MAESTRO-L5:Evasion of Detection"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Log every state-changing tool call with caller, arguments and decision to the central audit trail.",
        DetectionLogic: "A flow carrying a tool that changes state whose logging is not central-audit.",
        FalsePositives: "Tools whose server logs calls centrally itself.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        let sensitive = model.ToolsOn(flow).Where(t => t.Sensitivity.ChangesState()).Select(t => t.Id).ToList()
        where sensitive.Count > 0 && flow.Logging != FlowLogging.CentralAudit
        select new RuleMatch(flow.Id, $"calls to {string.Join(", ", sensitive)} are logged {flow.Logging}, not centrally");
}
