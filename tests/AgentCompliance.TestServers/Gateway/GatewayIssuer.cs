using System.Text.Json;

namespace AgentCompliance.TestServers.Gateway;

/// <summary>
/// The gateways' token issuer: oidc-provider (npm) with tests/servers/gateway-issuer.mjs, issuing JWT access tokens by
/// client_credentials whose audience is the resource indicator of one of the gateways.
/// </summary>
public sealed class GatewayIssuer : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private GatewayIssuer(ServerProcess process)
    {
        _process = process;
    }

    /// <summary>The issuer identifier as it appears in tokens (no trailing slash).</summary>
    public string Issuer => $"http://127.0.0.1:{_process.Port}";

    public Uri TokenEndpoint => new($"{Issuer}/token");

    public string Output => _process.Output;

    /// <summary>Starts the issuer for these agents; tokens may be requested for any of <paramref name="resources"/>.</summary>
    public static async Task<GatewayIssuer> StartAsync(IReadOnlyList<GatewayAgent> agents, IReadOnlyList<Uri> resources)
    {
        var port = LoopbackPort.GetFree();
        var process = await ServerProcess.StartNodeAsync(
            NodeServers.Script("gateway-issuer.mjs"),
            [],
            port,
            new Dictionary<string, string>
            {
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["GATEWAY_RESOURCES"] = JsonSerializer.Serialize(resources.Select(r => r.ToString())),
                ["GATEWAY_CLIENTS"] = JsonSerializer.Serialize(agents.Select(a => new Dictionary<string, string> { ["client_id"] = a.ClientId, ["client_secret"] = a.Secret })),
            }).ConfigureAwait(false);
        return new GatewayIssuer(process);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
