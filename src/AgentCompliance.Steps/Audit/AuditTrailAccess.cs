using System.Text;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Results;
using AgentCompliance.Probes.Audit;
using AgentCompliance.Probes.Http;
using AgentCompliance.Steps.Live;

namespace AgentCompliance.Steps.Audit;

/// <summary>
/// The profile's audit trail for one scenario: the reader (with the profile's read limit), the event schema, and
/// evidence of what was read. Polling reads are not recorded one by one; the read a verdict rests on is.
/// </summary>
public sealed class AuditTrailAccess(DeploymentContext context) : IDisposable
{
    private const int MaxEntriesShown = 20;
    private ProbeHttpClient? _http;
    private IAuditTrail? _trail;

    public AuditLogLocation Location => context.Profile.Target.AuditLog
        ?? throw new ControlFailedException("the profile names no audit trail, so tool calls cannot be traced: add target.auditLog with {file: path} or {url: ...}");

    public AuditEventFieldNames Fields => Location.Fields;

    public IAuditTrail Trail => _trail ??= AuditTrails.For(Location, _http ??= new ProbeHttpClient(
        context.Http.Options with { MaxResponseBytes = (int)Math.Min(Location.MaxBytes, int.MaxValue) },
        evidence: null,
        context.Redactor));

    /// <summary>The profile's event schema, or the built-in one.</summary>
    public Task<AuditEventSchema> SchemaAsync(CancellationToken cancellationToken = default) =>
        Location.Schema is { } path ? AuditEventSchema.FromFileAsync(path, cancellationToken) : AuditEventSchema.BuiltInAsync(Fields, cancellationToken);

    /// <summary>The events of a read, as the profile's field names describe them.</summary>
    public IReadOnlyList<AuditEvent> Events(AuditTrailSnapshot snapshot) => [.. snapshot.Events.Select(e => new AuditEvent(e, Fields))];

    /// <summary>Attaches what was read, and the entries a verdict rests on (redacted), to the running step.</summary>
    public void Record(string title, AuditTrailSnapshot snapshot, IEnumerable<AuditEntry> shown)
    {
        var text = new StringBuilder().AppendLine(snapshot.Summary);
        foreach (var note in snapshot.Notes)
        {
            text.Append("note: ").AppendLine(note);
        }

        var entries = shown.ToList();
        foreach (var entry in entries.Take(MaxEntriesShown))
        {
            text.AppendLine().Append(entry.Location).AppendLine(":").AppendLine(entry.Text);
        }

        if (entries.Count > MaxEntriesShown)
        {
            text.AppendLine().Append($"… and {entries.Count - MaxEntriesShown} more");
        }

        context.Evidence.Add(new EvidenceItem("audit", context.Redactor.Redact(title), context.Redactor.Redact(text.ToString())));
    }

    public void Dispose() => _http?.Dispose();
}
