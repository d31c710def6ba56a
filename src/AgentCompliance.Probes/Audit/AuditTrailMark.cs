namespace AgentCompliance.Probes.Audit;

/// <summary>
/// A point in an audit trail, taken before a probe acts so that only the events written afterwards are attributed to
/// it: a byte offset at a line boundary for a file, an event count for an endpoint.
/// </summary>
/// <param name="Position">Byte offset (file) or number of events (endpoint).</param>
/// <param name="LineNumber">The number of lines before <see cref="Position"/>, when known, so later lines get exact numbers.</param>
public sealed record AuditTrailMark(long Position, long? LineNumber);
