using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// An initialized MCP session over either HTTP transport: <c>initialize</c>, then <c>notifications/initialized</c>,
/// then requests such as a paginated <c>tools/list</c>. Disposing ends the session (DELETE, or closing the stream).
/// </summary>
public sealed class McpSession : IAsyncDisposable
{
    /// <summary>Pages of <c>tools/list</c> read at most; a server paging beyond this is reported, not followed forever.</summary>
    public const int MaxPages = 100;

    private readonly IMcpTransport _transport;
    private readonly McpServerTarget _target;
    private long _nextId = 1;

    private McpSession(IMcpTransport transport, McpServerTarget target)
    {
        _transport = transport;
        _target = target;
    }

    /// <summary>The protocol revision the server chose.</summary>
    public string ProtocolVersion { get; private set; } = McpHeaders.LatestProtocolVersion;

    /// <summary>The server's <c>serverInfo</c> name and version, as it states them.</summary>
    public string ServerInfo { get; private set; } = "(unnamed)";

    public string? SessionId => _transport.SessionId;

    /// <summary>The legacy SSE message endpoint (null on streamable HTTP).</summary>
    public Uri? MessageEndpoint => (_transport as SseTransport)?.MessageEndpoint;

    /// <summary>Connects and completes the initialization handshake.</summary>
    /// <exception cref="ProbeFailedException">The server refused, or answered something that is not MCP.</exception>
    public static async Task<McpSession> OpenAsync(ProbeHttpClient http, McpServerTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        IMcpTransport transport = target.Transport == McpTransport.Sse ? new SseTransport(http, target) : new StreamableHttpTransport(http, target);
        var session = new McpSession(transport, target);
        try
        {
            await session.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a request and returns its result.</summary>
    public async Task<JsonElement> RequestAsync(string method, JsonObject? parameters, CancellationToken cancellationToken = default)
    {
        var response = await _transport.RequestAsync(JsonRpc.Request(_nextId++, method, parameters), cancellationToken).ConfigureAwait(false);
        return JsonRpc.ResultOf(response, method, _target.Url);
    }

    /// <summary>Every tool the server lists, following <c>nextCursor</c> page by page.</summary>
    public async Task<IReadOnlyList<McpTool>> ListToolsAsync(CancellationToken cancellationToken = default)
    {
        var tools = new List<McpTool>();
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 1; ; page++)
        {
            var result = await RequestAsync("tools/list", cursor is null ? null : new JsonObject { ["cursor"] = cursor }, cancellationToken).ConfigureAwait(false);
            if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("tools", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} answered tools/list without a 'tools' array");
            }

            foreach (var entry in list.EnumerateArray())
            {
                tools.Add(McpTool.FromJson(entry)
                    ?? throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} listed a tool without a name"));
            }

            cursor = result.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (string.IsNullOrEmpty(cursor))
            {
                return tools;
            }

            if (!cursors.Add(cursor))
            {
                throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} repeated the tools/list cursor '{cursor}'; the inventory cannot be read completely");
            }

            if (page >= MaxPages)
            {
                throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} paged tools/list beyond {MaxPages} pages; the inventory was not read completely");
            }
        }
    }

    /// <summary>
    /// Ends a streamable HTTP session with DELETE and returns the answer (null when the server assigned no session).
    /// Legacy SSE sessions end when their stream closes, which disposing does.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session runs over legacy SSE.</exception>
    public Task<ProbeResponse?> EndSessionAsync(CancellationToken cancellationToken = default) =>
        _transport is StreamableHttpTransport streamable
            ? streamable.EndSessionAsync(cancellationToken)
            : throw new InvalidOperationException("legacy SSE sessions end when their stream closes; there is no DELETE");

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["protocolVersion"] = McpHeaders.LatestProtocolVersion,
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "agentcompliance", ["version"] = "1.0" },
        };
        var result = await RequestAsync("initialize", parameters, cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("protocolVersion", out var version) || version.ValueKind != JsonValueKind.String)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(_target.Url)} answered initialize without a protocolVersion; it does not look like an MCP server");
        }

        ProtocolVersion = version.GetString()!;
        if (result.TryGetProperty("serverInfo", out var info) && info.ValueKind == JsonValueKind.Object)
        {
            var name = info.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var number = info.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            ServerInfo = $"{name ?? "(unnamed)"} {number}".Trim();
        }

        _transport.UseProtocolVersion(ProtocolVersion);
        await _transport.NotifyAsync(JsonRpc.Notification("notifications/initialized"), cancellationToken).ConfigureAwait(false);
    }
}
