using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM005: Agent credential outlives the task.</summary>
public sealed class LongLivedAccessTokenRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM005",
        Title: "Agent credential outlives the task",
        Layers: [MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["NHI7", "ASI03"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Issue task-scoped access tokens that expire within minutes (at most 900 s) and fetch a new one per task.",
        DetectionLogic: "An identity used by an agent whose credentialLifetimeSeconds is above 900 (15 minutes).",
        FalsePositives: "Refresh-less tokens whose audience is a single read-only resource.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.UsedBy.Any(model.IsAgent) && identity.CredentialLifetimeSeconds > ElementFacts.TaskScopedLifetimeSeconds
        select new RuleMatch(identity.Id, $"'{identity.Name}' credentials live {identity.CredentialLifetimeSeconds} s, longer than a task ({ElementFacts.TaskScopedLifetimeSeconds} s)");
}
