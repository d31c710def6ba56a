using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM045: Policy decisions are not centrally recorded.</summary>
public sealed class PolicyDecisionsNotAuditedRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM045",
        Title: "Policy decisions are not centrally recorded",
        Layers: [MaestroLayer.L5, MaestroLayer.L6],
        Controls: ["MAESTRO-L6", "MEASURE 2.8", "MAESTRO-L7:Repudiation"],
        Likelihood: 3,
        Impact: 3,
        Mitigation: "Record each policy decision (principal, action, resource, effect) in the central audit trail.",
        DetectionLogic: "A flow to a policy-decision-point service whose logging is not central-audit.",
        FalsePositives: "A PDP that ships its own decision log centrally.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.IsService(flow.To, ServiceKind.PolicyDecisionPoint) && flow.Logging != FlowLogging.CentralAudit
        select new RuleMatch(flow.Id, $"decisions asked by {flow.From} of {flow.To} are logged {flow.Logging}: an assessor cannot show why an agent was allowed");
}
