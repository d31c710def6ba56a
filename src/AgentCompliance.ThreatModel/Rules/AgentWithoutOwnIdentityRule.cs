using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM003: Agent without an identity of its own.</summary>
public sealed class AgentWithoutOwnIdentityRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM003",
        Title: "Agent without an identity of its own",
        Layers: [MaestroLayer.L3, MaestroLayer.L7],
        Controls: ["ASI03", "NHI9", "MAESTRO-L7:Agent Identity Attack"],
        Likelihood: 4,
        Impact: 3,
        Mitigation: "Register a workload identity that only this agent uses (its own OAuth client, SPIFFE ID or certificate).",
        DetectionLogic: "An agent that is the sole user of no workload or service-account identity.",
        FalsePositives: "An agent that authenticates through an identity modelled outside this system model.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from agent in model.Model.Agents
        where !model.IdentitiesOf(agent.Id).Any(i => i.Kind is IdentityKind.Workload or IdentityKind.ServiceAccount && i.UsedBy.Count == 1)
        select new RuleMatch(agent.Id, $"agent '{agent.Name}' has no identity of its own; it acts as {Describe(model, agent)}");

    private static string Describe(ModelView model, AgentElement agent)
    {
        var identities = model.IdentitiesOf(agent.Id).Select(i => i.Id).ToList();
        return identities.Count == 0 ? "no modelled identity at all" : $"shared identity {string.Join(", ", identities)}";
    }
}
