using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM033: One memory store serves several agents.</summary>
public sealed class MemorySharedAcrossAgentsRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM033",
        Title: "One memory store serves several agents",
        Layers: [MaestroLayer.L2, MaestroLayer.L7],
        Controls: ["ASI06", "LLM08", "MAESTRO-XL:Data Leakage"],
        Likelihood: 3,
        Impact: 3,
        Mitigation: "Partition memory per agent, user or tenant; tag entries with their source and scope retrieval to the caller.",
        DetectionLogic: "A vector, document or cache store reached (directly, or through a tool server whose tools they call) by two or more agents.",
        FalsePositives: "Public reference data shared on purpose.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from store in model.Model.DataStores
        where store.Kind is DataStoreKind.VectorStore or DataStoreKind.DocumentDatabase or DataStoreKind.Cache
        let agents = AgentsReaching(model, store.Id)
        where agents.Count > 1
        select new RuleMatch(store.Id, $"'{store.Name}' serves agents {string.Join(", ", agents)}: what one writes, the others read");

    private static List<string> AgentsReaching(ModelView model, string storeId)
    {
        var callers = model.FlowsTo(storeId).Select(f => f.From).ToList();
        var direct = callers.Where(model.IsAgent);
        var viaTools = model.Model.Tools.Where(t => callers.Contains(t.Server, StringComparer.Ordinal)).SelectMany(model.AgentsUsing).Select(a => a.Id);
        return [.. direct.Concat(viaTools).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
