using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM028: High-impact tool without human approval.</summary>
public sealed class SensitiveToolWithoutApprovalRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM028",
        Title: "High-impact tool without human approval",
        Layers: [MaestroLayer.L3, MaestroLayer.L7],
        Controls: ["ASI02", "ASI09", "LLM06"],
        Likelihood: 3,
        Impact: 5,
        Mitigation: "Require a person's confirmation, under their own identity, before destructive, financial or privileged calls.",
        DetectionLogic: "A tool with sensitivity destructive, financial or privileged and requiresHumanApproval false.",
        FalsePositives: "Tools whose effect is reversible and rate-limited.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from tool in model.Model.Tools
        where tool.Sensitivity.IsHighImpact() && !tool.RequiresHumanApproval
        select new RuleMatch(tool.Id, $"{tool.Sensitivity} tool '{tool.Name}' runs without human approval");
}
