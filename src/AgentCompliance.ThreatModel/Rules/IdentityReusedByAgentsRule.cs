using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM002: One identity reused by several agents.</summary>
public sealed class IdentityReusedByAgentsRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM002",
        Title: "One identity reused by several agents",
        Layers: [MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["NHI9", "ASI03", "MAESTRO-L7:Agent Identity Attack"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Issue one workload identity per agent so each can be scoped, audited and revoked on its own.",
        DetectionLogic: "An identity whose usedBy names two or more agents.",
        FalsePositives: "Replicas of one agent deployment modelled as separate agents.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        let agents = identity.UsedBy.Where(model.IsAgent).ToList()
        where agents.Count > 1
        select new RuleMatch(identity.Id, $"'{identity.Name}' is used by {agents.Count} agents ({string.Join(", ", agents)}): one compromise or revocation affects all of them");
}
