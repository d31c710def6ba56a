namespace AgentCompliance.Probes.Audit;

/// <summary>What one bounded read of an audit trail returned.</summary>
/// <param name="Source">The file or endpoint, for messages.</param>
/// <param name="Entries">The lines read, oldest first.</param>
/// <param name="Truncated">True when the trail held more than the limits allow and only its newest part was read.</param>
/// <param name="Notes">What a reader of the evidence should know about this read (truncation, rotation).</param>
public sealed record AuditTrailSnapshot(string Source, IReadOnlyList<AuditEntry> Entries, bool Truncated, IReadOnlyList<string> Notes)
{
    public IEnumerable<AuditEntry> Events => Entries.Where(e => e.IsEvent);

    /// <summary>One line for evidence: how much was read and from where.</summary>
    public string Summary =>
        $"{Entries.Count(e => e.IsEvent)} event(s) and {Entries.Count(e => !e.IsEvent)} unreadable line(s) read from {Source}{(Truncated ? " (only the newest part of the trail: it exceeds the read limits)" : string.Empty)}";
}
