using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>
/// Places each element in its CSA MAESTRO layer(s) by what it is: models in L1, data stores in L2, agents and tools
/// in L3 (framework) and L7 (ecosystem), runtime and boundaries in L4, audit in L5, security services in L6. An
/// element's own <c>maestroLayers</c> overrides the default; a flow sits in the layers of both its ends.
/// </summary>
public static class MaestroLayerAssignment
{
    public static IReadOnlyList<MaestroLayer> LayersOf(ModelElement element, ModelView model)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(model);
        if (element.MaestroLayers.Count > 0)
        {
            return element.MaestroLayers;
        }

        return element switch
        {
            AgentElement => [MaestroLayer.L3, MaestroLayer.L7],
            HumanElement => [MaestroLayer.L7],
            IdentityElement => [MaestroLayer.L6, MaestroLayer.L7],
            ToolElement => [MaestroLayer.L3, MaestroLayer.L7],
            DataStoreElement => [MaestroLayer.L2],
            TrustBoundary => [MaestroLayer.L4],
            ServiceElement service => ForService(service.Kind),
            ExternalServiceElement external => external.Kind == ExternalServiceKind.ModelProvider ? [MaestroLayer.L1] : [MaestroLayer.L7],
            DataFlow flow => [.. model.LayersOf(flow.From).Union(model.LayersOf(flow.To)).Order()],
            _ => [],
        };
    }

    private static IReadOnlyList<MaestroLayer> ForService(ServiceKind kind) => kind switch
    {
        ServiceKind.ModelEndpoint => [MaestroLayer.L1],
        ServiceKind.McpServer => [MaestroLayer.L3, MaestroLayer.L7],
        ServiceKind.Orchestrator => [MaestroLayer.L3, MaestroLayer.L4],
        ServiceKind.AgentGateway => [MaestroLayer.L4, MaestroLayer.L6],
        ServiceKind.AuditLog => [MaestroLayer.L5],
        ServiceKind.IdentityProvider or ServiceKind.PolicyDecisionPoint or ServiceKind.SecretStore => [MaestroLayer.L6],
        _ => [MaestroLayer.L4],
    };
}
