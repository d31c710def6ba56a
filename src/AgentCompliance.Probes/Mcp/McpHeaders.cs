namespace AgentCompliance.Probes.Mcp;

/// <summary>The HTTP header names and protocol revision the MCP transports use.</summary>
public static class McpHeaders
{
    public const string SessionId = "Mcp-Session-Id";

    public const string ProtocolVersion = "MCP-Protocol-Version";

    /// <summary>Both media types a streamable HTTP client must accept.</summary>
    public const string StreamableAccept = "application/json, text/event-stream";

    /// <summary>The revision this client asks for in <c>initialize</c>; servers answer with the one they speak.</summary>
    public const string LatestProtocolVersion = "2025-11-25";
}
