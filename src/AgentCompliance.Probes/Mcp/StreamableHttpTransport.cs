using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// The streamable HTTP transport: every message is a POST accepting JSON or an event stream, later messages carry the
/// session id and the negotiated protocol revision, and disposing ends the session with DELETE.
/// </summary>
public sealed class StreamableHttpTransport(ProbeHttpClient http, McpServerTarget target) : IMcpTransport
{
    private string? _protocolVersion;
    private bool _ended;

    public string? SessionId { get; private set; }

    public void UseProtocolVersion(string version) => _protocolVersion = version;

    public async Task<JsonElement> RequestAsync(JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = JsonRpc.IdOf(message);
        var method = message["method"]!.GetValue<string>();
        await using var stream = await http.OpenStreamAsync(Post(message), http.Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        RequireAccepted(stream, method);
        SessionId ??= stream.Header(McpHeaders.SessionId);
        if (!stream.IsEventStream)
        {
            var body = await stream.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            return JsonRpc.FindResponse(JsonRpc.Parse(body.BodyText, target.Url), id)
                ?? throw new ProbeFailedException($"{TransportRules.Endpoint(target.Url)} answered {method} without a response to it");
        }

        // The answer may follow notifications and requests from the server on the same stream.
        var parser = new ServerSentEventParser();
        while (await stream.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (parser.Feed(line) is { Data.Length: > 0 } item
                && JsonRpc.FindResponse(JsonRpc.Parse(item.Data, target.Url), id) is { } response)
            {
                return response;
            }
        }

        throw new ProbeFailedException($"{TransportRules.Endpoint(target.Url)} closed the event stream without answering {method}");
    }

    public async Task NotifyAsync(JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var response = await http.SendAsync(Post(message), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(target.Url)} refused the {message["method"]} notification with {response.Status}");
        }
    }

    /// <summary>
    /// Ends the session with DELETE and returns the server's answer (405 means clients cannot end sessions there), or
    /// null when the server assigned no session. Afterwards this transport sends no session id.
    /// </summary>
    public async Task<ProbeResponse?> EndSessionAsync(CancellationToken cancellationToken = default)
    {
        if (SessionId is null || _ended)
        {
            return null;
        }

        _ended = true;
        return await http.SendAsync(WithSession(new ProbeRequest { Method = HttpMethod.Delete, Url = target.Url }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the session if it is still open.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await EndSessionAsync().ConfigureAwait(false);
        }
        catch (ProbeFailedException)
        {
            // Ending the session is a courtesy; what was probed stands.
        }
    }

    private ProbeRequest Post(JsonObject message) =>
        WithSession(ProbeRequest.PostJson(target.Url, message.ToJsonString(), new KeyValuePair<string, string>("Accept", McpHeaders.StreamableAccept)));

    private ProbeRequest WithSession(ProbeRequest request)
    {
        if (target.BearerToken is not null)
        {
            request = request.WithHeader("Authorization", $"Bearer {target.BearerToken}");
        }

        if (SessionId is not null)
        {
            request = request.WithHeader(McpHeaders.SessionId, SessionId);
        }

        if (_protocolVersion is not null)
        {
            request = request.WithHeader(McpHeaders.ProtocolVersion, _protocolVersion);
        }

        return request;
    }

    private void RequireAccepted(ProbeResponseStream stream, string method)
    {
        if (stream.IsSuccess)
        {
            return;
        }

        var hint = stream.Status == 401
            ? target.BearerToken is null
                ? " (the server requires a token: name the agent whose token to use under the server's 'agent' in the profile)"
                : " (the agent's token was not accepted)"
            : string.Empty;
        throw new ProbeFailedException($"{TransportRules.Endpoint(target.Url)} refused the MCP {method} request with {stream.Status}{hint}");
    }
}
