using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// The legacy HTTP+SSE transport: a GET opens the event stream, whose <c>endpoint</c> event names where to POST
/// messages; answers come back on the stream. The endpoint must be on the stream's origin, so a token is never sent
/// to a host the server merely names. Disposing closes the stream, which ends the session.
/// </summary>
public sealed class SseTransport : IMcpTransport
{
    private readonly ProbeHttpClient _http;
    private readonly McpServerTarget _target;
    private readonly ServerSentEventParser _parser = new();
    private readonly List<JsonElement> _early = [];
    private ProbeResponseStream? _stream;
    private Uri? _endpoint;

    public SseTransport(ProbeHttpClient http, McpServerTarget target)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        _http = http;
        _target = target;
    }

    public string? SessionId { get; private set; }

    /// <summary>Where messages are posted, once the stream has named it.</summary>
    public Uri? MessageEndpoint => _endpoint;

    /// <summary>Legacy SSE has no protocol version header.</summary>
    public void UseProtocolVersion(string version)
    {
    }

    public async Task<JsonElement> RequestAsync(JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = JsonRpc.IdOf(message);
        var method = message["method"]!.GetValue<string>();
        await PostAsync(message, cancellationToken).ConfigureAwait(false);
        // Messages that arrived before the endpoint event may already hold the answer.
        for (var i = 0; i < _early.Count; i++)
        {
            if (JsonRpc.FindResponse(_early[i], id) is { } found)
            {
                _early.RemoveAt(i);
                return found;
            }
        }

        while (await NextMessageAsync(cancellationToken).ConfigureAwait(false) is { } received)
        {
            if (JsonRpc.FindResponse(received, id) is { } response)
            {
                return response;
            }
        }

        throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} closed the event stream without answering {method}");
    }

    public Task NotifyAsync(JsonObject message, CancellationToken cancellationToken) => PostAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task PostAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var endpoint = await EndpointAsync(cancellationToken).ConfigureAwait(false);
        var request = ProbeRequest.PostJson(endpoint, message.ToJsonString());
        if (_target.BearerToken is not null)
        {
            request = request.WithHeader("Authorization", $"Bearer {_target.BearerToken}");
        }

        var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(endpoint)} refused the MCP {message["method"]} message with {response.Status}");
        }
    }

    // Opens the stream on first use and waits for the endpoint event that says where messages go.
    private async Task<Uri> EndpointAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is not null)
        {
            return _endpoint;
        }

        var request = ProbeRequest.Get(_target.Url, new KeyValuePair<string, string>("Accept", "text/event-stream"));
        if (_target.BearerToken is not null)
        {
            request = request.WithHeader("Authorization", $"Bearer {_target.BearerToken}");
        }

        _stream = await _http.OpenStreamAsync(request, _target.SessionLifetime, cancellationToken).ConfigureAwait(false);
        if (!_stream.IsSuccess || !_stream.IsEventStream)
        {
            var hint = _stream.Status == 401 ? " (the server requires a token: name the agent whose token to use under the server's 'agent' in the profile)" : string.Empty;
            throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} did not open an SSE stream: it answered {_stream.Status} {_stream.ContentType}{hint}");
        }

        while (await NextEventAsync(cancellationToken).ConfigureAwait(false) is { } item)
        {
            if (item.EventType == "endpoint")
            {
                if (!Uri.TryCreate(_target.Url, item.Data.Trim(), out var endpoint))
                {
                    throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} named a message endpoint that is not a URL");
                }

                if (!TransportRules.SameOrigin(_target.Url, endpoint))
                {
                    throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} named a message endpoint on another origin ({endpoint.GetLeftPart(UriPartial.Authority)}); nothing was sent there");
                }

                SessionId = System.Web.HttpUtility.ParseQueryString(endpoint.Query)["sessionId"];
                _endpoint = endpoint;
                return endpoint;
            }

            if (item.Data.Length > 0)
            {
                _early.Add(JsonRpc.Parse(item.Data, _target.Url));
            }
        }

        throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} closed the SSE stream without naming a message endpoint");
    }

    private async Task<JsonElement?> NextMessageAsync(CancellationToken cancellationToken)
    {
        while (await NextEventAsync(cancellationToken).ConfigureAwait(false) is { } item)
        {
            if (item.EventType == "message" && item.Data.Length > 0)
            {
                return JsonRpc.Parse(item.Data, _target.Url);
            }
        }

        return null;
    }

    private async Task<ServerSentEvent?> NextEventAsync(CancellationToken cancellationToken)
    {
        while (await _stream!.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (_parser.Feed(line) is { } item)
            {
                return item;
            }
        }

        return null;
    }
}
