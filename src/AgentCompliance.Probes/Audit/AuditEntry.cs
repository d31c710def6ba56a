using System.Text.Json;

namespace AgentCompliance.Probes.Audit;

/// <summary>
/// One line (or array item) of an audit trail as read: where it is, its raw text, and its JSON — or why it is not an
/// event. The raw text may hold secrets; it goes through the redactor before anyone sees it.
/// </summary>
/// <param name="Location">Where it is, e.g. <c>logs/audit.jsonl:17</c>, for messages.</param>
/// <param name="Text">The raw line.</param>
/// <param name="Json">The parsed event, when the line is a JSON object.</param>
/// <param name="Problem">Why the line is not an event (invalid JSON, not an object, too long), or null.</param>
public sealed record AuditEntry(string Location, string Text, JsonElement? Json, string? Problem)
{
    public bool IsEvent => Json is not null;
}
