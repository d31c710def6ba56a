using AgentCompliance.Core.Redaction;

namespace AgentCompliance.Probes.Audit;

/// <summary>
/// Finds audit lines that hold a secret: any the run registered (client secrets, issued tokens) or anything shaped like
/// a credential (JWTs, bearer values, token fields). A line the redactor would change is a line that leaks.
/// </summary>
public static class AuditSecretScan
{
    /// <summary>Entries (events and unreadable lines alike) that hold a secret, in trail order.</summary>
    public static IReadOnlyList<AuditEntry> Leaking(IEnumerable<AuditEntry> entries, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(redactor);
        return [.. entries.Where(e => !string.Equals(redactor.Redact(e.Text), e.Text, StringComparison.Ordinal))];
    }
}
