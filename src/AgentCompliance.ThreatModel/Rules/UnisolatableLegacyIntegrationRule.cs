using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM014: Agent inside a legacy SaaS integration that cannot be isolated.</summary>
public sealed class UnisolatableLegacyIntegrationRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM014",
        Title: "Agent inside a legacy SaaS integration that cannot be isolated",
        Layers: [MaestroLayer.L4, MaestroLayer.L7],
        Controls: ["ASI03", "ASI08", "NHI3", "MAESTRO-L7:Integration Risks"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Put a broker in front of the legacy system that holds its credential, checks policy per request and logs each call; give the agent only a task-scoped token for the broker.",
        DetectionLogic: "An external service marked legacy or canBeIsolated: false that an agent calls.",
        FalsePositives: "Read-only integrations with public data.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from external in model.Model.ExternalServices
        where external.Legacy || external.CanBeIsolated == false
        let callers = model.FlowsTo(external.Id).Where(f => model.IsAgent(f.From)).Select(f => f.From).Distinct().ToList()
        where callers.Count > 0
        select new RuleMatch(external.Id, $"agent(s) {string.Join(", ", callers)} call '{external.Name}', a {(external.Legacy ? "legacy " : string.Empty)}integration that {(external.CanBeIsolated == false ? "cannot be isolated" : "may not be isolable")}: the agent's reach there is bounded only by the integration's own credential");
}
