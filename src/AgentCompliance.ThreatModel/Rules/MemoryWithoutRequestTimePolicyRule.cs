using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM032: Agent memory reachable without request-time policy.</summary>
public sealed class MemoryWithoutRequestTimePolicyRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM032",
        Title: "Agent memory reachable without request-time policy",
        Layers: [MaestroLayer.L2],
        Controls: ["ASI06", "LLM08", "MAESTRO-L2:Data Poisoning", "MAESTRO-L2:Compromised RAG Pipelines"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Check every read and write of agent memory against policy, validate writes, and attribute each entry to its source.",
        DetectionLogic: "A vector, document or cache store reached by a flow whose authorization is not policy-at-request-time.",
        FalsePositives: "Stores that are read-only to every caller in the model.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from store in model.Model.DataStores
        where store.Kind is DataStoreKind.VectorStore or DataStoreKind.DocumentDatabase or DataStoreKind.Cache
        let uncheckedFlows = model.FlowsTo(store.Id).Where(f => f.Authorization != FlowAuthorization.PolicyAtRequestTime).Select(f => f.Id).ToList()
        where uncheckedFlows.Count > 0
        select new RuleMatch(store.Id, $"'{store.Name}' is reached by {string.Join(", ", uncheckedFlows)} without a request-time policy check: poisoned entries go in unchecked");
}
