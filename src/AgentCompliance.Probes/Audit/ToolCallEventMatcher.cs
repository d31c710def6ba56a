using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Gateway;
using AgentCompliance.Probes.Policy;

namespace AgentCompliance.Probes.Audit;

/// <summary>
/// Pairs probed tool calls with the audit events that record them: a tool-call event for the same agent and tool whose
/// decision agrees with what the gateway answered (deny for 401/403, allow for a call let through). An event whose
/// correlation id the gateway returned for the call is preferred; each event records at most one call.
/// </summary>
public static class ToolCallEventMatcher
{
    /// <summary>The decision an event must record for the call, or null when the answer (a server error) allows either.</summary>
    public static PolicyEffect? ExpectedEffect(GatewayToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.WasRefused ? PolicyEffect.Deny : call.WasLetThrough ? PolicyEffect.Allow : null;
    }

    /// <summary>The event recording each call, for the calls that have one.</summary>
    public static Dictionary<GatewayToolCall, AuditEvent> Match(IReadOnlyList<(GatewayToolCall Call, AgentIdentity Agent)> calls, IReadOnlyList<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(events);
        var taken = new HashSet<AuditEvent>();
        var matches = new Dictionary<GatewayToolCall, AuditEvent>();
        foreach (var (call, agent) in calls)
        {
            var candidates = events.Where(e => !taken.Contains(e) && Records(e, call, agent)).ToList();
            var chosen = candidates.FirstOrDefault(e => call.CorrelationId is not null && e.CorrelationId == call.CorrelationId) ?? candidates.FirstOrDefault();
            if (chosen is not null)
            {
                taken.Add(chosen);
                matches[call] = chosen;
            }
        }

        return matches;
    }

    /// <summary>Events for the same agent and tool that record a different decision than the gateway gave, for messages.</summary>
    public static IEnumerable<AuditEvent> Contradicting(GatewayToolCall call, AgentIdentity agent, IEnumerable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(call);
        return events.Where(e => e.Kind == AuditEventKind.ToolCall && e.Tool == call.Tool && e.IsFor(agent) && ExpectedEffect(call) is { } expected && e.Effect != expected);
    }

    private static bool Records(AuditEvent e, GatewayToolCall call, AgentIdentity agent) =>
        e.Kind == AuditEventKind.ToolCall
        && e.Tool == call.Tool
        && e.IsFor(agent)
        && (ExpectedEffect(call) is not { } expected || e.Effect == expected);
}
