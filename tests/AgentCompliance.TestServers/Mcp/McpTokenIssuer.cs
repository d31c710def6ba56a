using System.Security.Cryptography;

namespace AgentCompliance.TestServers.Mcp;

/// <summary>
/// A real OAuth authorization server (oidc-provider, tests/servers/mcp/issuer.mjs) issuing JWT access tokens by
/// client_credentials for one MCP resource. The client secret is fresh per start.
/// </summary>
public sealed class McpTokenIssuer : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private McpTokenIssuer(ServerProcess process, string clientId, string clientSecret, string scope)
    {
        _process = process;
        ClientId = clientId;
        ClientSecret = clientSecret;
        Scope = scope;
    }

    /// <summary>The issuer identifier, without a trailing slash, as it appears in tokens.</summary>
    public Uri Issuer => new($"http://127.0.0.1:{_process.Port}");

    public Uri TokenEndpoint => new($"http://127.0.0.1:{_process.Port}/token");

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string Scope { get; }

    public static async Task<McpTokenIssuer> StartAsync(Uri resource, string clientId = "mcp-agent", string scope = "mcp:tools")
    {
        ArgumentNullException.ThrowIfNull(resource);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var port = LoopbackPort.GetFree();
        var process = await ServerProcess.StartNodeAsync(
            NodeServers.Script(Path.Combine("mcp", "issuer.mjs")),
            [],
            port,
            new Dictionary<string, string>
            {
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RESOURCE"] = resource.ToString(),
                ["CLIENT_ID"] = clientId,
                ["CLIENT_SECRET"] = secret,
                ["SCOPE"] = scope,
            }).ConfigureAwait(false);
        return new McpTokenIssuer(process, clientId, secret, scope);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
