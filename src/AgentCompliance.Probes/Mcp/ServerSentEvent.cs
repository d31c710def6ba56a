namespace AgentCompliance.Probes.Mcp;

/// <summary>One event of a <c>text/event-stream</c>: its type (<c>message</c> unless named), data and id.</summary>
public sealed record ServerSentEvent(string EventType, string Data, string? Id);
