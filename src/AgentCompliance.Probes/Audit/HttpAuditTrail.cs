using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Audit;

/// <summary>
/// An audit trail served over HTTP as JSON lines or as one JSON array. The client's response cap bounds every read;
/// an endpoint that returns more than the cap is reported, because the newest events may be the ones cut off.
/// </summary>
/// <param name="http">A client whose response cap is the trail's byte limit.</param>
/// <param name="url">The endpoint.</param>
/// <param name="limits">The event and line limits.</param>
public sealed class HttpAuditTrail(ProbeHttpClient http, Uri url, AuditTrailLimits limits) : IAuditTrail
{
    public string Source => TransportRules.Endpoint(url);

    public async Task<AuditTrailMark> MarkAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadAsync(null, cancellationToken).ConfigureAwait(false);
        return new AuditTrailMark(snapshot.Entries.Count, null);
    }

    public async Task<AuditTrailSnapshot> ReadAsync(AuditTrailMark? since, CancellationToken cancellationToken = default)
    {
        var request = ProbeRequest.Get(url, new KeyValuePair<string, string>("Accept", "application/x-ndjson, application/jsonl, application/json;q=0.9"));
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new ProbeFailedException($"{Source} answered {response.Status}{(response.RedirectNotFollowed is { } why ? $" ({why})" : string.Empty)}; the audit trail cannot be read");
        }

        var notes = new List<string>();
        if (response.Truncated)
        {
            notes.Add($"{Source} answered more than {http.Options.MaxResponseBytes} bytes; only the first {http.Options.MaxResponseBytes} were read, so the newest events may be missing (raise target.auditLog.maxBytes, or serve only recent events)");
        }

        var entries = IsJsonArray(response.Body) ? ParseArray(response, notes) : JsonLinesParser.Parse(response.Body, Source, 1, 0, limits, lastLineMayBeIncomplete: response.Truncated, notes);
        var skip = (int)Math.Min(since?.Position ?? 0, int.MaxValue);
        if (skip > entries.Count)
        {
            notes.Add($"{Source} returned fewer events than when it was marked (rotated?); all of them were read");
            skip = 0;
        }

        entries = entries[skip..];
        var truncated = response.Truncated;
        if (entries.Count > limits.MaxEvents)
        {
            notes.Add($"{Source} returned {entries.Count} events to read, more than the {limits.MaxEvents}-event limit; only the newest {limits.MaxEvents} were kept");
            entries = entries[^limits.MaxEvents..];
            truncated = true;
        }

        return new AuditTrailSnapshot(Source, entries, truncated, notes);
    }

    private List<AuditEntry> ParseArray(ProbeResponse response, List<string> notes)
    {
        if (response.Truncated)
        {
            throw new ProbeFailedException($"{Source} answered a JSON array larger than the {http.Options.MaxResponseBytes}-byte limit; it cannot be read in part (raise target.auditLog.maxBytes, or serve JSON lines)");
        }

        using var json = response.Json();
        var entries = new List<AuditEntry>();
        var index = 0;
        foreach (var item in json.RootElement.EnumerateArray())
        {
            index++;
            entries.Add(JsonLinesParser.Entry(System.Text.Encoding.UTF8.GetBytes(item.GetRawText()), $"{Source} item {index}", limits));
        }

        if (entries.Count == 0)
        {
            notes.Add($"{Source} answered an empty JSON array");
        }

        return entries;
    }

    private static bool IsJsonArray(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'[';
        }

        return false;
    }
}
