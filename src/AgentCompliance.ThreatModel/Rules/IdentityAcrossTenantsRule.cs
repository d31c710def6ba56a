using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM012: One identity used on both sides of a tenant boundary.</summary>
public sealed class IdentityAcrossTenantsRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM012",
        Title: "One identity used on both sides of a tenant boundary",
        Layers: [MaestroLayer.L4, MaestroLayer.L6],
        Controls: ["NHI8", "ASI08", "ASI07"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Use a separate identity per tenant or environment so a lower-trust side cannot reach the other with the same credential.",
        DetectionLogic: "An identity presented on one flow that leaves a tenant or organisation boundary and on another that stays inside it.",
        FalsePositives: "Identities federated on purpose with per-tenant audiences.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        let flows = model.FlowsPresenting(identity.Id).ToList()
        where flows.Any(model.LeavesOrganisation) && flows.Any(f => !model.LeavesOrganisation(f))
        select new RuleMatch(identity.Id, $"'{identity.Name}' is presented both inside the organisation and across a tenant boundary ({string.Join(", ", flows.Select(f => f.Id))})");
}
