using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>
/// Memory controls on the system model. Vector stores, document databases and caches hold what agents remember and
/// retrieve; whatever is written there shapes later reasoning, so every access is checked against policy when it is
/// made, not granted once.
/// </summary>
[Binding]
public sealed class MemoryDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>
    /// Every flow that reaches an agent memory store (vector store, document database or cache) is authorised by policy at
    /// request time; a model with no such store fails, because there is nothing to verify.
    /// </summary>
    /// <example>Then every flow to an agent memory store is authorized by policy at request time</example>
    [Then("every flow to an agent memory store is authorized by policy at request time")]
    public void ThenEveryMemoryFlowIsAuthorizedAtRequestTime()
    {
        var model = context.Model;
        var stores = model.DataStores.Where(IsMemory).ToList();
        if (stores.Count == 0)
        {
            throw new ControlFailedException(
                "no agent memory store (vector store, document database or cache) in the system model: model where agents keep memory and retrieved context before this control can be verified");
        }

        var violations = new List<string>();
        foreach (var store in stores)
        {
            foreach (var flow in model.Flows.Where(f => f.To == store.Id || f.From == store.Id))
            {
                if (flow.Authorization == FlowAuthorization.PolicyAtRequestTime)
                {
                    output.WriteLine($"{flow.Id} ({flow.From} -> {flow.To}) reaches memory store {store.Id} under request-time policy: ok");
                }
                else
                {
                    violations.Add($"{context.Describe(flow.Id)} ({flow.From} -> {flow.To}) reaches memory store '{store.Name}' ({store.Id}) with authorization '{flow.Authorization}': entries are read and written unchecked");
                }
            }
        }

        ControlFailedException.ThrowIfAny(violations, "agent memory reached without a request-time policy check");
    }

    private static bool IsMemory(DataStoreElement store) =>
        store.Kind is DataStoreKind.VectorStore or DataStoreKind.DocumentDatabase or DataStoreKind.Cache;
}
