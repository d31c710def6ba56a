using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>
/// Choke-point controls: when every agent reaches tools, data and third parties through the agent gateway, one place
/// can throttle, block or cut off a component found to be risky, for every agent at once.
/// </summary>
[Binding]
public sealed class GatewayDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>
    /// No agent has a flow straight to a tool, a tool server, a data store or an external service; the model needs an
    /// agent gateway for this control to hold.
    /// </summary>
    /// <example>Then every agent reaches tools, data and external services only through the agent gateway</example>
    [Then("every agent reaches tools, data and external services only through the agent gateway")]
    public void ThenAgentsReachResourcesOnlyThroughTheGateway()
    {
        var model = context.Model;
        var gateways = model.Services.Where(s => s.Kind == ServiceKind.AgentGateway).Select(s => s.Id).ToList();
        if (gateways.Count == 0)
        {
            throw new ControlFailedException("the system model has no service of kind agent-gateway: there is no single place to block a component for every agent");
        }

        var violations = new List<string>();
        foreach (var agent in model.Agents)
        {
            foreach (var flow in model.Flows.Where(f => f.From == agent.Id))
            {
                if (Bypasses(model, flow.To) is { } target)
                {
                    violations.Add($"{context.Describe(agent.Id)} reaches {target} directly over {context.Describe(flow.Id)}, past the gateway");
                }
                else
                {
                    output.WriteLine($"{flow.Id}: {agent.Id} -> {flow.To}");
                }
            }
        }

        ControlFailedException.ThrowIfAny(violations, "agents that bypass the agent gateway");
    }

    // What a direct flow to this element would bypass the gateway to reach, or null when reaching it directly is fine.
    private static string? Bypasses(SystemModel model, string id) => model.Find(id) switch
    {
        ToolElement tool => $"tool '{tool.Name}' ({id})",
        ServiceElement { Kind: ServiceKind.McpServer } server => $"tool server '{server.Name}' ({id})",
        DataStoreElement store => $"data store '{store.Name}' ({id})",
        ExternalServiceElement external => $"external service '{external.Name}' ({id})",
        _ => null,
    };
}
