namespace AgentCompliance.TestServers.Mcp;

/// <summary>
/// The protocol's reference server (<c>@modelcontextprotocol/server-everything</c>) as a child process: the weak
/// configuration the probes must catch (no authentication, no protected-resource metadata, wildcard CORS, no Origin or
/// Host validation, a tool that returns its environment). It binds every interface and has no host option, so a
/// preloaded module rewrites its listen calls to 127.0.0.1; its environment is minimal because of that tool.
/// </summary>
public sealed class ReferenceMcpServer : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private ReferenceMcpServer(ServerProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The MCP endpoint: <c>/mcp</c> for streamable HTTP, the stream <c>/sse</c> for the legacy transport.</summary>
    public Uri Url { get; }

    /// <summary>What the server printed, for failed-test diagnostics.</summary>
    public string Output => _process.Output;

    /// <param name="sse">True for the legacy HTTP+SSE transport, false for streamable HTTP.</param>
    public static async Task<ReferenceMcpServer> StartAsync(bool sse)
    {
        var port = LoopbackPort.GetFree();
        var process = await ServerProcess.StartAsync(
            "node",
            ["-r", NodeServers.Script(Path.Combine("mcp", "listen-loopback.cjs")), NodeServers.InstalledFile("@modelcontextprotocol", "server-everything", "dist", "index.js"), sse ? "sse" : "streamableHttp"],
            port,
            new Dictionary<string, string> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ConfigureAwait(false);
        return new ReferenceMcpServer(process, new Uri(process.BaseUrl, sse ? "sse" : "mcp"));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
