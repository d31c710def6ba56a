namespace AgentCompliance.Core.Configuration;

/// <summary>The gateway through which agents reach tools and services.</summary>
public sealed record AgentGatewayEndpoint
{
    public required Uri BaseUrl { get; init; }
}
