namespace AgentCompliance.Core.Configuration;

/// <summary>The endpoints of the deployment under test; each part is optional, as scenarios may need only some.</summary>
public sealed record TargetEndpoints
{
    public IdentityProviderEndpoints? IdentityProvider { get; init; }

    public AgentGatewayEndpoint? AgentGateway { get; init; }

    public PolicyDecisionPointEndpoint? PolicyDecisionPoint { get; init; }

    public IReadOnlyList<McpServerEndpoint> McpServers { get; init; } = [];

    public AuditLogLocation? AuditLog { get; init; }
}
