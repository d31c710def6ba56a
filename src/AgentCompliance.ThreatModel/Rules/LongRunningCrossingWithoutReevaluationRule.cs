using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM015: Long-running agent crosses a trust boundary without re-evaluation.</summary>
public sealed class LongRunningCrossingWithoutReevaluationRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM015",
        Title: "Long-running agent crosses a trust boundary without re-evaluation",
        Layers: [MaestroLayer.L4, MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["ASI03", "ASI10", "NHI7", "MAESTRO-XL:Privilege Escalation"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Re-evaluate policy after each sensitive action and on every boundary crossing; keep credentials task-scoped so a long-running agent must ask again.",
        DetectionLogic: "A flow from an agent that crosses a trust boundary, does not re-evaluate after sensitive actions, and whose credential outlives a task (or has no stated lifetime).",
        FalsePositives: "Agents that finish within seconds and hold no reusable credential.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.IsAgent(flow.From) && model.Crosses(flow) && !flow.ReevaluatesAfterSensitiveActions
        let lifetime = flow.CredentialLifetimeSeconds ?? model.Find<IdentityElement>(flow.Identity)?.CredentialLifetimeSeconds
        where ElementFacts.OutlivesTask(lifetime)
        select new RuleMatch(flow.Id, $"agent {flow.From} crosses {string.Join(", ", model.Boundaries.BoundariesCrossedBy(flow).Order(StringComparer.Ordinal))} with a credential valid for {(lifetime is null ? "an unstated time" : $"{lifetime} s")} and no re-evaluation after sensitive actions");
}
