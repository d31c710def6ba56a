using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM051: Person uses a machine identity.</summary>
public sealed class HumanUsesMachineIdentityRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM051",
        Title: "Person uses a machine identity",
        Layers: [MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["NHI10", "ASI09"],
        Likelihood: 3,
        Impact: 3,
        Mitigation: "Give people their own accounts; remove their access to service accounts and workload identities.",
        DetectionLogic: "A workload or service-account identity whose usedBy names a human.",
        FalsePositives: "Break-glass procedures with separate logging.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.Kind is IdentityKind.Workload or IdentityKind.ServiceAccount
        let humans = identity.UsedBy.Where(model.IsHuman).ToList()
        where humans.Count > 0
        select new RuleMatch(identity.Id, $"{string.Join(", ", humans)} use(s) machine identity '{identity.Name}': their actions lose attribution");
}
