namespace AgentCompliance.Probes.Audit;

/// <summary>A deployment's audit trail, read in bounded pieces.</summary>
public interface IAuditTrail
{
    /// <summary>The file or endpoint, for messages.</summary>
    string Source { get; }

    /// <summary>The trail's current end, so a later read can return only what was written after it.</summary>
    Task<AuditTrailMark> MarkAsync(CancellationToken cancellationToken = default);

    /// <summary>The entries after <paramref name="since"/> (all of them when null), within the limits.</summary>
    /// <exception cref="Http.ProbeFailedException">The trail cannot be read.</exception>
    Task<AuditTrailSnapshot> ReadAsync(AuditTrailMark? since, CancellationToken cancellationToken = default);
}
