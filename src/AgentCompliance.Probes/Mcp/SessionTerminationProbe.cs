using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Checks that sessions end when the client ends them. Streamable HTTP: a session id the server never issued is
/// refused, DELETE ends the session (405 means clients cannot end sessions, so a finished task leaves its session
/// usable), and the ended id is refused afterwards; the specification asks for 404, any 4xx refuses and another status
/// is noted. Legacy SSE: once the client closes the stream, posting to the session's message endpoint is refused
/// (the server is given a short, bounded grace period to notice the closed connection).
/// </summary>
public static class SessionTerminationProbe
{
    public static async Task<McpProbeResult> ProbeAsync(ProbeHttpClient http, McpServerTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var server = target.Describe();
        var violations = new List<string>();
        var observations = new List<string>();
        if (target.Transport == McpTransport.Sse)
        {
            await ProbeSseAsync(http, target, violations, observations, cancellationToken).ConfigureAwait(false);
            return new McpProbeResult(violations, observations);
        }

        await using var session = await McpSession.OpenAsync(http, target, cancellationToken).ConfigureAwait(false);
        if (session.SessionId is not { } id)
        {
            observations.Add("the server assigned no session id (stateless): there is no session to reuse or end");
            return new McpProbeResult(violations, observations);
        }

        var forged = await ListToolsWithSessionAsync(http, target, Guid.NewGuid().ToString(), session.ProtocolVersion, cancellationToken).ConfigureAwait(false);
        Judge(forged, "tools/list with a session id it never issued", server, violations, observations);

        var ended = await session.EndSessionAsync(cancellationToken).ConfigureAwait(false);
        if (ended is not { IsSuccess: true })
        {
            violations.Add($"{server} did not end its session on DELETE ({ended?.Status}): the session stays usable after the client's task is done");
            return new McpProbeResult(violations, observations);
        }

        observations.Add($"DELETE ended the session: {ended.Status}");
        var reused = await ListToolsWithSessionAsync(http, target, id, session.ProtocolVersion, cancellationToken).ConfigureAwait(false);
        Judge(reused, "tools/list with the session id it had ended", server, violations, observations);
        return new McpProbeResult(violations, observations);
    }

    /// <summary>Attempts at most, 200 ms apart, for a server to notice that an SSE stream was closed.</summary>
    public const int SseGraceAttempts = 10;

    private static async Task ProbeSseAsync(ProbeHttpClient http, McpServerTarget target, List<string> violations, List<string> observations, CancellationToken cancellationToken)
    {
        Uri endpoint;
        await using (var session = await McpSession.OpenAsync(http, target, cancellationToken).ConfigureAwait(false))
        {
            endpoint = session.MessageEndpoint!;
        }

        var message = ProbeRequest.PostJson(endpoint, JsonRpc.Request(99, "tools/list").ToJsonString());
        if (target.BearerToken is not null)
        {
            message = message.WithHeader("Authorization", $"Bearer {target.BearerToken}");
        }

        ProbeResponse? answer = null;
        for (var attempt = 0; attempt < SseGraceAttempts; attempt++)
        {
            answer = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);

            // Only a refusal ends the grace period: a server still tearing the session down may briefly accept the
            // message or fail on the closed stream (5xx); what it answers once the grace period is over is judged.
            if (answer.Status is >= 400 and < 500)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        Judge(answer!, "a message for a session whose stream the client had closed", target.Describe(), violations, observations);
    }

    private static void Judge(ProbeResponse response, string request, string server, List<string> violations, List<string> observations)
    {
        if (response.Status is >= 400 and < 500)
        {
            var note = response.Status != 404 && request.StartsWith("tools/list", StringComparison.Ordinal) ? " (the specification asks for 404)" : string.Empty;
            observations.Add($"{request}: refused with {response.Status}{note}");
        }
        else
        {
            violations.Add($"{server} accepted {request} ({response.Status}) instead of refusing it: a session outlives the client that ended it, or can be taken over");
        }
    }

    private static async Task<ProbeResponse> ListToolsWithSessionAsync(ProbeHttpClient http, McpServerTarget target, string session, string protocolVersion, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> headers =
        [
            new("Accept", McpHeaders.StreamableAccept),
            new(McpHeaders.SessionId, session),
            new(McpHeaders.ProtocolVersion, protocolVersion),
        ];
        if (target.BearerToken is not null)
        {
            headers.Add(ProbeRequest.BearerAuthorization(target.BearerToken));
        }

        var request = ProbeRequest.PostJson(target.Url, JsonRpc.Request(99, "tools/list").ToJsonString(), [.. headers]);
        await using var stream = await http.OpenStreamAsync(request, http.Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return stream.IsEventStream ? stream.Snapshot() : await stream.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
