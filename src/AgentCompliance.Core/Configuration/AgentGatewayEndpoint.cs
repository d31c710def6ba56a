namespace AgentCompliance.Core.Configuration;

/// <summary>The gateway through which agents reach tools and services.</summary>
public sealed record AgentGatewayEndpoint
{
    public required Uri BaseUrl { get; init; }

    /// <summary>Where a tool is called, relative to <see cref="BaseUrl"/>; <c>{tool}</c> is replaced by the tool's name.</summary>
    public string ToolPath { get; init; } = "tools/{tool}";

    /// <summary>The response header that carries the call's correlation id, when the gateway returns one.</summary>
    public string CorrelationHeader { get; init; } = "X-Correlation-Id";
}
