namespace AgentCompliance.Probes.Audit;

/// <summary>What an audit event records, read from its event type field.</summary>
public enum AuditEventKind
{
    /// <summary>A tool call, allowed or denied (also assumed when an event names no type).</summary>
    ToolCall,

    /// <summary>Data the tool read or wrote on behalf of a tool call.</summary>
    DataAccess,

    /// <summary>A call the tool made to another service on behalf of a tool call.</summary>
    DownstreamCall,

    /// <summary>Any other type.</summary>
    Other,
}
