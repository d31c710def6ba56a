namespace AgentCompliance.Probes.Audit;

/// <summary>How much of an audit trail one read may take in, so a huge or hostile trail cannot exhaust the harness.</summary>
public sealed record AuditTrailLimits
{
    /// <summary>Most bytes read at once; a longer trail is read from its newest end.</summary>
    public long MaxBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Most events kept from one read (the newest).</summary>
    public int MaxEvents { get; init; } = 100_000;

    /// <summary>Longest event line parsed; a longer line is reported, not parsed.</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;
}
