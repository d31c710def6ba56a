using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>The protocol a flow uses.</summary>
public enum FlowProtocol
{
    [EnumMember(Value = "https")]
    Https,

    [EnumMember(Value = "http")]
    Http,

    [EnumMember(Value = "grpc")]
    Grpc,

    [EnumMember(Value = "mcp-streamable-http")]
    McpStreamableHttp,

    [EnumMember(Value = "mcp-sse")]
    McpSse,

    [EnumMember(Value = "stdio")]
    Stdio,

    [EnumMember(Value = "sql")]
    Sql,

    [EnumMember(Value = "amqp")]
    Amqp,

    [EnumMember(Value = "other")]
    Other,
}
