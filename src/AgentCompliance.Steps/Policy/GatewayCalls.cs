using AgentCompliance.Probes.Audit;
using AgentCompliance.Probes.Gateway;

namespace AgentCompliance.Steps.Policy;

/// <summary>
/// The tool calls a scenario sent through the gateway, the audit trail's end just before the first of them (so only
/// later events are attributed to them), the audit event found for each call, and each agent's access token.
/// Shared by the gateway and audit-trail steps of one scenario through context injection.
/// </summary>
public sealed class GatewayCalls
{
    public List<GatewayToolCall> Calls { get; } = [];

    /// <summary>The audit trail's end before the first call; null when the profile names no audit trail.</summary>
    public AuditTrailMark? AuditMark { get; set; }

    /// <summary>The tool-call event the audit trail recorded for a call, once found.</summary>
    public Dictionary<GatewayToolCall, AuditEvent> RecordedEvents { get; } = [];

    /// <summary>Access tokens by agent name (registered as secrets when issued).</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);
}
