using System.Text.Json.Nodes;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// The first request a client sends — an <c>initialize</c> POST on streamable HTTP, the stream GET on legacy SSE —
/// sent raw with headers of the probe's choosing (no token, a forged token, a foreign Origin or Host), so security
/// probes see exactly how the server treats it. Any session the server opens is ended again.
/// </summary>
public static class McpHandshakeRequest
{
    /// <summary>Sends the handshake and returns the status and headers of the answer.</summary>
    public static async Task<ProbeResponse> SendAsync(ProbeHttpClient http, McpServerTarget target, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(headers);
        var request = target.Transport == McpTransport.Sse
            ? new ProbeRequest { Method = HttpMethod.Get, Url = target.Url, Headers = [new("Accept", "text/event-stream"), .. headers] }
            : ProbeRequest.PostJson(target.Url, InitializeJson(), [new("Accept", McpHeaders.StreamableAccept), .. headers]);

        // An event stream may never end, and its head is what the probes judge; other bodies (errors) are read, bounded.
        await using var stream = await http.OpenStreamAsync(request, http.Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        var head = stream.IsEventStream ? stream.Snapshot() : await stream.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (stream.IsSuccess && stream.Header(McpHeaders.SessionId) is { } session)
        {
            await EndSessionAsync(http, target, session, headers, cancellationToken).ConfigureAwait(false);
        }

        return head;
    }

    /// <summary>The <c>initialize</c> request body every probe sends.</summary>
    public static string InitializeJson() => JsonRpc.Request(1, "initialize", new JsonObject
    {
        ["protocolVersion"] = McpHeaders.LatestProtocolVersion,
        ["capabilities"] = new JsonObject(),
        ["clientInfo"] = new JsonObject { ["name"] = "agentcompliance-probe", ["version"] = "1.0" },
    }).ToJsonString();

    private static async Task EndSessionAsync(ProbeHttpClient http, McpServerTarget target, string session, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var delete = new ProbeRequest
        {
            Method = HttpMethod.Delete,
            Url = target.Url,
            Headers = [.. headers.Where(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)), new(McpHeaders.SessionId, session)],
        };
        try
        {
            await http.SendAsync(delete, cancellationToken).ConfigureAwait(false);
        }
        catch (ProbeFailedException)
        {
            // Leaving a probe session behind does not change what was observed.
        }
    }
}
