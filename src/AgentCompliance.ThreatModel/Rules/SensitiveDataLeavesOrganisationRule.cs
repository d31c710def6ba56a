using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM034: Confidential data leaves the organisation.</summary>
public sealed class SensitiveDataLeavesOrganisationRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM034",
        Title: "Confidential data leaves the organisation",
        Layers: [MaestroLayer.L2, MaestroLayer.L7],
        Controls: ["LLM02", "MAESTRO-L2:Data Exfiltration", "MAESTRO-XL:Data Leakage"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Minimise and filter what crosses to third parties; allow-list destinations and log what was sent.",
        DetectionLogic: "A flow marked confidential or restricted that crosses a tenant or organisation boundary.",
        FalsePositives: "Transfers covered by a data-processing agreement and encryption the vendor cannot read.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where flow.DataClassification.IsSensitive() && model.LeavesOrganisation(flow)
        select new RuleMatch(flow.Id, $"{flow.DataClassification} data flows from {flow.From} to {flow.To} across a tenant or organisation boundary");
}
