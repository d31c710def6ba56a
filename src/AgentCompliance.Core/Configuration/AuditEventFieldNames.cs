namespace AgentCompliance.Core.Configuration;

/// <summary>
/// The names of the audit event fields the checks read; a dotted name (<c>actor.id</c>) reaches into nested objects.
/// The defaults are the built-in audit event schema's names.
/// </summary>
public sealed record AuditEventFieldNames
{
    /// <summary>The agent's identity: its profile name, client id or SPIFFE ID.</summary>
    public string Agent { get; init; } = "agent";

    public string Tool { get; init; } = "tool";

    public string Action { get; init; } = "action";

    public string Resource { get; init; } = "resource";

    /// <summary>allow or deny.</summary>
    public string Decision { get; init; } = "decision";

    /// <summary>Why a call was denied.</summary>
    public string Reason { get; init; } = "reason";

    public string Timestamp { get; init; } = "timestamp";

    /// <summary>Shared by a tool call and the data access and downstream calls it caused.</summary>
    public string CorrelationId { get; init; } = "correlationId";

    /// <summary>tool_call, data_access or downstream_call.</summary>
    public string EventType { get; init; } = "eventType";
}
