using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Audit;
using AgentCompliance.Probes.Gateway;
using AgentCompliance.Probes.Policy;
using AgentCompliance.Steps.Live;
using AgentCompliance.Steps.Policy;
using Reqnroll;

namespace AgentCompliance.Steps.Audit;

/// <summary>
/// The deployment's audit trail (<c>target.auditLog</c>: a JSON-lines file or an HTTP endpoint), read in bounded
/// pieces: the scenario's gateway calls appear in it promptly, denials are told apart from benign use by their decision
/// and reason, every event has the fields an investigator needs, no secret is written to it, and the data access and
/// downstream calls a tool call causes share its correlation id.
/// </summary>
[Binding]
public sealed class AuditTrailSteps(DeploymentContext context, GatewayCalls calls, AuditTrailAccess audit)
{
    private const int MaxViolationsListed = 20;
    private static readonly TimeSpan DownstreamGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Every tool call this scenario made through the gateway appears in the audit trail within the time bound, written
    /// after the call, for the same agent and tool, with the decision the gateway gave (deny for 401/403, allow otherwise).
    /// </summary>
    /// <example>Then the audit trail records each of those calls within 10 seconds</example>
    [Then("the audit trail records each of those calls within {int} seconds")]
    public async Task ThenEachCallIsRecorded(int seconds)
    {
        var (snapshot, events, matches, pending) = await FindCallEventsAsync(seconds, requireReason: false).ConfigureAwait(false);
        audit.Record($"audit events of {calls.Calls.Count} gateway call(s)", snapshot, matches.Values.Select(e => e.Entry));
        ControlFailedException.ThrowIfAny(
            [.. pending.Select(p => NotRecorded(p.Call, p.Agent, events, seconds, "call"))],
            $"tool calls missing from the audit trail {audit.Trail.Source}");
    }

    /// <summary>
    /// Every call this scenario made was denied by the gateway and each denial appears in the audit trail within the time
    /// bound as a deny decision with a reason, so lateral movement stands apart from benign tool use.
    /// </summary>
    /// <example>Then the audit trail records each of those denials with a reason within 10 seconds</example>
    [Then("the audit trail records each of those denials with a reason within {int} seconds")]
    public async Task ThenEachDenialIsRecordedWithAReason(int seconds)
    {
        var notDenied = RequireCalls().Where(c => !c.WasRefused).ToList();
        if (notDenied.Count > 0)
        {
            ControlFailedException.ThrowIfAny(
                [.. notDenied.Select(c => $"the gateway did not deny agent '{c.Agent}' calling tool '{c.Tool}' ({c.Status}), so there is no denial to find")],
                "calls that were expected to be denied");
        }

        var (snapshot, events, matches, pending) = await FindCallEventsAsync(seconds, requireReason: true).ConfigureAwait(false);
        audit.Record($"audit events of {calls.Calls.Count} denied call(s)", snapshot, matches.Values.Select(e => e.Entry));
        ControlFailedException.ThrowIfAny(
            [.. pending.Select(p => ReasonlessDenial(p.Call, p.Agent, events) ?? NotRecorded(p.Call, p.Agent, events, seconds, "denial"))],
            $"denials not told apart in the audit trail {audit.Trail.Source}");
    }

    /// <summary>
    /// Every line of the audit trail (its newest part, within the read limit) is a JSON event that satisfies the event
    /// schema: the profile's <c>target.auditLog.schema</c>, or the built-in one requiring timestamp, agent, tool,
    /// action, resource, decision (allow|deny), correlation id, and a reason for every denial.
    /// </summary>
    /// <example>Then every audit event matches the audit event schema</example>
    [Then("every audit event matches the audit event schema")]
    public async Task ThenEveryEventMatchesTheSchema()
    {
        var schema = await audit.SchemaAsync().ConfigureAwait(false);
        var snapshot = await ReadWholeTrailAsync().ConfigureAwait(false);
        var invalid = snapshot.Entries.Select(e => (Entry: e, Problems: schema.Validate(e))).Where(r => r.Problems.Count > 0).ToList();
        audit.Record($"audit events checked against {schema.Name}", snapshot, invalid.Select(r => r.Entry));
        context.Note("audit event schema", $"{snapshot.Entries.Count} line(s) checked against {schema.Name}; {invalid.Count} do not match");
        // Events broken the same way are listed once, with where they are.
        ControlFailedException.ThrowIfAny(
            Capped(invalid.GroupBy(r => string.Join("; ", r.Problems), StringComparer.Ordinal).Select(g => $"{Locations(g.Select(r => r.Entry))}: {g.Key}")),
            $"audit events that do not match {schema.Name}");
    }

    /// <summary>
    /// No line of the audit trail holds a secret: neither a value the run registered (client secrets, the agents' access
    /// tokens) nor anything shaped like a credential (JWTs, bearer values, token fields). Leaks are named by location only.
    /// </summary>
    /// <example>Then no audit event contains a secret or token</example>
    [Then("no audit event contains a secret or token")]
    public async Task ThenNoEventContainsASecret()
    {
        var snapshot = await ReadWholeTrailAsync().ConfigureAwait(false);
        var leaking = AuditSecretScan.Leaking(snapshot.Entries, context.Redactor);
        audit.Record("audit lines holding a secret or token (shown redacted)", snapshot, leaking);
        context.Note("secret scan", $"{snapshot.Entries.Count} line(s) scanned for {context.Redactor.Secrets.Secrets.Count} registered secret(s) and credential-shaped values; {leaking.Count} hold one");
        ControlFailedException.ThrowIfAny(
            Capped(leaking.Select(e => $"{e.Location}{Describe(e)} holds a secret or token")),
            $"audit events that leak credentials in {audit.Trail.Source}");
    }

    /// <summary>
    /// The tool-call events found for this scenario's allowed calls carry a correlation id, and every data access and
    /// downstream call event the same agent caused afterwards carries that same id, so one call can be followed across
    /// every system it touched. Needs "the audit trail records each of those calls" first.
    /// </summary>
    /// <example>Then the data access and downstream calls of each of those calls carry its correlation id</example>
    [Then("the data access and downstream calls of each of those calls carry its correlation id")]
    public async Task ThenDownstreamEventsCarryTheCorrelationId()
    {
        var recorded = calls.RecordedEvents.Where(r => r.Key.WasLetThrough).ToList();
        if (recorded.Count == 0)
        {
            throw new ControlFailedException("no allowed tool call of this scenario has been found in the audit trail yet; check that the audit trail records each of those calls first");
        }

        var agents = recorded.ToDictionary(r => r.Key, r => context.Agent(r.Key.Agent!));
        bool IsCaused(AuditEvent e, GatewayToolCall call) =>
            e.Kind is AuditEventKind.DataAccess or AuditEventKind.DownstreamCall && e.IsFor(agents[call]) && (e.Tool is null || e.Tool == call.Tool);

        var snapshot = await AuditTrailPoller.ReadUntilAsync(
            audit.Trail,
            calls.AuditMark,
            s => audit.Events(s).Any(e => recorded.Any(r => IsCaused(e, r.Key))),
            DownstreamGrace).ConfigureAwait(false);
        var events = audit.Events(snapshot);
        var violations = new List<string>();
        var related = new List<AuditEvent>();
        foreach (var (call, toolCallEvent) in recorded)
        {
            var caused = events.Where(e => IsCaused(e, call)).ToList();
            related.AddRange(caused);
            if (string.IsNullOrEmpty(toolCallEvent.CorrelationId))
            {
                violations.Add($"the tool call event at {toolCallEvent.Entry.Location} (agent '{call.Agent}', tool '{call.Tool}') has no correlation id, so what it caused cannot be traced back to it");
                continue;
            }

            violations.AddRange(caused
                .Where(e => e.CorrelationId != toolCallEvent.CorrelationId)
                .Select(e => $"the {Kind(e)} event at {e.Entry.Location} (agent '{call.Agent}', tool '{call.Tool}') carries {(string.IsNullOrEmpty(e.CorrelationId) ? "no correlation id" : "another correlation id")}, not that of its tool call at {toolCallEvent.Entry.Location}"));
        }

        audit.Record("tool call events and the data access and downstream calls that followed them", snapshot, recorded.Select(r => r.Value.Entry).Concat(related.Select(e => e.Entry)));
        if (related.Count == 0 && violations.Count == 0)
        {
            throw new ControlFailedException($"no data access or downstream call event followed the scenario's tool calls in {audit.Trail.Source} within {DownstreamGrace.TotalSeconds:0} s, so correlation cannot be verified (are they audited, with event types data_access and downstream_call?)");
        }

        ControlFailedException.ThrowIfAny(Capped(violations), "audit events that cannot be traced to the tool call that caused them");
    }

    // Polls the trail after the scenario's mark until every call has its event or the bound has passed.
    private async Task<(AuditTrailSnapshot Snapshot, IReadOnlyList<AuditEvent> Events, Dictionary<GatewayToolCall, AuditEvent> Matches, List<(GatewayToolCall Call, AgentIdentity Agent)> Pending)> FindCallEventsAsync(int seconds, bool requireReason)
    {
        var expected = RequireCalls().Select(c => (Call: c, Agent: context.Agent(c.Agent!))).ToList();
        Dictionary<GatewayToolCall, AuditEvent> Matches(IReadOnlyList<AuditEvent> events) =>
            ToolCallEventMatcher.Match(expected, [.. events.Where(e => !requireReason || (e.Effect == PolicyEffect.Deny && !string.IsNullOrWhiteSpace(e.Reason)))]);

        var snapshot = await AuditTrailPoller.ReadUntilAsync(
            audit.Trail,
            calls.AuditMark,
            s => Matches(audit.Events(s)).Count == expected.Count,
            TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        var events = audit.Events(snapshot);
        var matches = Matches(events);
        foreach (var (call, found) in matches)
        {
            calls.RecordedEvents[call] = found;
        }

        return (snapshot, events, matches, [.. expected.Where(e => !matches.ContainsKey(e.Call))]);
    }

    private static string NotRecorded(GatewayToolCall call, AgentIdentity agent, IReadOnlyList<AuditEvent> events, int seconds, string what)
    {
        var outcome = call.WasRefused ? $"denied with {call.Status}" : $"answered {call.Status}";
        var contradicting = ToolCallEventMatcher.Contradicting(call, agent, events).FirstOrDefault();
        return contradicting is null
            ? $"no audit event records the {what} of agent '{agent.Name}' calling tool '{call.Tool}' ({outcome}) within {seconds} s"
            : $"the audit event at {contradicting.Entry.Location} records agent '{agent.Name}' calling tool '{call.Tool}' as '{contradicting.Decision ?? "(no decision)"}', but the gateway {outcome}";
    }

    private static string? ReasonlessDenial(GatewayToolCall call, AgentIdentity agent, IReadOnlyList<AuditEvent> events) =>
        ToolCallEventMatcher.Match([(call, agent)], events).TryGetValue(call, out var found)
            ? $"the denial of agent '{agent.Name}' calling tool '{call.Tool}' is recorded at {found.Entry.Location} without a reason"
            : null;

    private async Task<AuditTrailSnapshot> ReadWholeTrailAsync()
    {
        var snapshot = await audit.Trail.ReadAsync(null).ConfigureAwait(false);
        return snapshot.Entries.Count > 0
            ? snapshot
            : throw new ControlFailedException($"the audit trail {audit.Trail.Source} holds no events, so there is nothing to verify; make tool calls through the gateway first");
    }

    private string Describe(AuditEntry entry)
    {
        if (!entry.IsEvent)
        {
            return string.Empty;
        }

        var e = new AuditEvent(entry, audit.Fields);
        return e.Agent is null && e.Tool is null ? string.Empty : $" (agent '{context.Redactor.Redact(e.Agent ?? "?")}', tool '{context.Redactor.Redact(e.Tool ?? "?")}')";
    }

    private static string Locations(IEnumerable<AuditEntry> entries)
    {
        const int shown = 3;
        var all = entries.Select(e => e.Location).ToList();
        return string.Join(", ", all.Take(shown)) + (all.Count > shown ? $" and {all.Count - shown} more" : string.Empty);
    }

    private static string Kind(AuditEvent e) => e.Kind == AuditEventKind.DataAccess ? "data access" : "downstream call";

    private static List<string> Capped(IEnumerable<string> violations)
    {
        var all = violations.ToList();
        return all.Count <= MaxViolationsListed ? all : [.. all.Take(MaxViolationsListed), $"… and {all.Count - MaxViolationsListed} more"];
    }

    private List<GatewayToolCall> RequireCalls() =>
        calls.Calls.Count > 0
            ? calls.Calls
            : throw new ControlFailedException("no tool call was made through the gateway in this scenario, so there is nothing to find in the audit trail; make one first (When each agent calls …)");
}
