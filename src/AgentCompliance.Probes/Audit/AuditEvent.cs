using System.Text.Json;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Policy;

namespace AgentCompliance.Probes.Audit;

/// <summary>
/// An audit event read through the profile's field names: who (agent), what (tool, action, resource), the decision
/// and its reason, when, and the correlation id that ties a tool call to the data access and downstream calls it caused.
/// </summary>
public sealed class AuditEvent
{
    public AuditEvent(AuditEntry entry, AuditEventFieldNames names)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(names);
        var json = entry.Json ?? throw new ArgumentException($"{entry.Location} is not an event: {entry.Problem}", nameof(entry));
        Entry = entry;
        Agent = Field(json, names.Agent);
        Tool = Field(json, names.Tool);
        Action = Field(json, names.Action);
        Resource = Field(json, names.Resource);
        Decision = Field(json, names.Decision);
        Reason = Field(json, names.Reason);
        Timestamp = Field(json, names.Timestamp);
        CorrelationId = Field(json, names.CorrelationId);
        EventType = Field(json, names.EventType);
    }

    public AuditEntry Entry { get; }

    public string? Agent { get; }

    public string? Tool { get; }

    public string? Action { get; }

    public string? Resource { get; }

    /// <summary>The decision as written (allow, deny, EFFECT_DENY, …).</summary>
    public string? Decision { get; }

    public string? Reason { get; }

    public string? Timestamp { get; }

    public string? CorrelationId { get; }

    public string? EventType { get; }

    /// <summary>The decision understood as allow or deny; null when absent or unrecognised.</summary>
    public PolicyEffect? Effect => Normalise(Decision) switch
    {
        "allow" or "allowed" or "permit" or "permitted" or "granted" or "effectallow" => PolicyEffect.Allow,
        "deny" or "denied" or "forbidden" or "reject" or "rejected" or "refused" or "blocked" or "effectdeny" => PolicyEffect.Deny,
        _ => null,
    };

    public AuditEventKind Kind => Normalise(EventType) switch
    {
        null or "toolcall" or "toolinvocation" or "tool" or "denial" => AuditEventKind.ToolCall,
        "dataaccess" or "data" => AuditEventKind.DataAccess,
        "downstreamcall" or "downstream" or "outboundcall" => AuditEventKind.DownstreamCall,
        _ => AuditEventKind.Other,
    };

    /// <summary>True when the event's agent field is one of the agent's identities (profile name, client id, SPIFFE ID).</summary>
    public bool IsFor(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Agent is not null && (Agent == agent.Name || Agent == agent.ClientId || Agent == agent.SpiffeId);
    }

    /// <summary>A field by dotted path; numbers and booleans as their JSON text, objects, arrays and null as absent.</summary>
    public static string? Field(JsonElement json, string dottedPath)
    {
        ArgumentNullException.ThrowIfNull(dottedPath);
        var current = json;
        foreach (var part in dottedPath.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => current.GetRawText(),
            _ => null,
        };
    }

    private static string? Normalise(string? value) =>
        value is null ? null : new string([.. value.Where(char.IsLetter).Select(char.ToLowerInvariant)]);
}
