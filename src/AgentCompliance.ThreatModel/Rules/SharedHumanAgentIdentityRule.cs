using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM001: Service account shared by a human and an agent.</summary>
public sealed class SharedHumanAgentIdentityRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM001",
        Title: "Service account shared by a human and an agent",
        Layers: [MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["NHI10", "NHI9", "ASI03", "ASI09"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Give the agent its own workload identity and the person their own account; never let both authenticate as one principal.",
        DetectionLogic: "An identity whose usedBy names at least one agent and at least one human.",
        FalsePositives: "A break-glass account documented as shared on purpose and monitored separately.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        let agents = identity.UsedBy.Where(model.IsAgent).ToList()
        let humans = identity.UsedBy.Where(model.IsHuman).ToList()
        where agents.Count > 0 && humans.Count > 0
        select new RuleMatch(identity.Id, $"'{identity.Name}' is used by agent(s) {string.Join(", ", agents)} and human(s) {string.Join(", ", humans)}: the audit trail cannot tell them apart, and revoking the agent locks the person out");
}
