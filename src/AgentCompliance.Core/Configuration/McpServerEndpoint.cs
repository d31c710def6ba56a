namespace AgentCompliance.Core.Configuration;

/// <summary>An MCP tool server and the tools it is expected to expose (an allow-list: any other tool is a finding).</summary>
public sealed record McpServerEndpoint
{
    public required string Name { get; init; }

    public required Uri Url { get; init; }

    public McpTransport Transport { get; init; } = McpTransport.StreamableHttp;

    public IReadOnlyList<string> ExpectedTools { get; init; } = [];
}
