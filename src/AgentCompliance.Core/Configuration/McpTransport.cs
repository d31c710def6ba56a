using System.Runtime.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>The MCP transport a server offers over HTTP.</summary>
public enum McpTransport
{
    [EnumMember(Value = "streamable-http")]
    StreamableHttp,

    /// <summary>The older HTTP+SSE transport.</summary>
    [EnumMember(Value = "sse")]
    Sse,
}
