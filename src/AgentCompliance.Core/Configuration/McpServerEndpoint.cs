namespace AgentCompliance.Core.Configuration;

/// <summary>An MCP tool server and the tools it is expected to expose (an allow-list: any other tool is a finding).</summary>
public sealed record McpServerEndpoint
{
    public required string Name { get; init; }

    public required Uri Url { get; init; }

    public McpTransport Transport { get; init; } = McpTransport.StreamableHttp;

    public IReadOnlyList<string> ExpectedTools { get; init; } = [];

    /// <summary>The agent whose access token authenticated probes of this server send; null sends none.</summary>
    public string? Agent { get; init; }

    /// <summary>Where the pinned tool inventory is kept (absolute once loaded from a profile).</summary>
    public string? ToolPinFile { get; init; }
}
