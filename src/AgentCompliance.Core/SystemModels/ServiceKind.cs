using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>The role a service plays in the agent platform.</summary>
public enum ServiceKind
{
    [EnumMember(Value = "identity-provider")]
    IdentityProvider,

    [EnumMember(Value = "agent-gateway")]
    AgentGateway,

    [EnumMember(Value = "policy-decision-point")]
    PolicyDecisionPoint,

    [EnumMember(Value = "mcp-server")]
    McpServer,

    [EnumMember(Value = "orchestrator")]
    Orchestrator,

    [EnumMember(Value = "model-endpoint")]
    ModelEndpoint,

    [EnumMember(Value = "audit-log")]
    AuditLog,

    [EnumMember(Value = "secret-store")]
    SecretStore,

    [EnumMember(Value = "other")]
    Other,
}
