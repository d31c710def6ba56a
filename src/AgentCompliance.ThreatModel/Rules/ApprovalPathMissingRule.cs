using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM029: Approval required but no approver can reach the system.</summary>
public sealed class ApprovalPathMissingRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM029",
        Title: "Approval required but no approver can reach the system",
        Layers: [MaestroLayer.L7],
        Controls: ["ASI09", "MAP 3.5"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Model (and build) the approval channel: a person with their own identity confirming through the gateway.",
        DetectionLogic: "A tool requiring human approval while no human in the model has any flow.",
        FalsePositives: "Approvals collected out of band (e.g. a ticket system) and not modelled.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from tool in model.Model.Tools
        where tool.RequiresHumanApproval && !model.Model.Humans.Any(h => model.FlowsFrom(h.Id).Any())
        select new RuleMatch(tool.Id, $"'{tool.Name}' requires human approval, but no human has a flow into the system: the approval cannot happen where it is checked");
}
