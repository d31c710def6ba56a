using System.Security.Cryptography;
using AgentCompliance.TestServers.Cerbos;

namespace AgentCompliance.TestServers.Gateway;

/// <summary>
/// A small agent deployment for the policy and audit tests: a real token issuer (oidc-provider) for three agents, real
/// Cerbos with the hardened and the weak tool policy, and agent gateways in front of them —
/// <c>hardened</c> (hardened Cerbos, full audit), <c>weak</c> (no policy call, weak audit) and
/// <c>unaudited-denials</c> (hardened Cerbos, but denials left out of the trail). Every address is loopback.
/// </summary>
public sealed class GatewayDeployment : IAsyncDisposable
{
    /// <summary>The agents and their allowed tools, as the hardened Cerbos policy grants them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedTools = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["research-agent"] = ["search_documents"],
        ["support-agent"] = ["search_documents", "create_ticket"],
        ["billing-agent"] = ["issue_refund"],
    };

    private readonly string _folder;
    private readonly List<IAsyncDisposable> _servers;

    private GatewayDeployment(string folder, List<IAsyncDisposable> servers, GatewayIssuer issuer, CerbosServer hardened, CerbosServer weak, IReadOnlyList<GatewayAgent> agents, IReadOnlyDictionary<string, AgentGatewayHost> gateways)
    {
        _folder = folder;
        _servers = servers;
        Issuer = issuer;
        HardenedCerbos = hardened;
        WeakCerbos = weak;
        Agents = agents;
        Gateways = gateways;
    }

    public GatewayIssuer Issuer { get; }

    public CerbosServer HardenedCerbos { get; }

    public CerbosServer WeakCerbos { get; }

    /// <summary>The agents' clients; their secrets exist only for this deployment's lifetime.</summary>
    public IReadOnlyList<GatewayAgent> Agents { get; }

    /// <summary>The gateways by name: hardened, weak, unaudited-denials.</summary>
    public IReadOnlyDictionary<string, AgentGatewayHost> Gateways { get; }

    public AgentGatewayHost Gateway(string name) => Gateways[name];

    public static async Task<GatewayDeployment> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("agentcompliance-gateway-").FullName;
        var servers = new List<IAsyncDisposable>();
        try
        {
            var agents = AllowedTools.Keys.Select(id => new GatewayAgent(id, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)))).ToList();
            var ports = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["hardened"] = LoopbackPort.GetFree(),
                ["weak"] = LoopbackPort.GetFree(),
                ["unaudited-denials"] = LoopbackPort.GetFree(),
            };
            var issuer = await Track(servers, GatewayIssuer.StartAsync(agents, [.. ports.Values.Select(p => new Uri($"http://127.0.0.1:{p}/"))])).ConfigureAwait(false);
            var hardenedCerbos = await Track(servers, CerbosServer.StartAsync("hardened")).ConfigureAwait(false);
            var weakCerbos = await Track(servers, CerbosServer.StartAsync("weak")).ConfigureAwait(false);
            string AuditFile(string name) => Path.Combine(folder, $"{name}-audit.jsonl");
            var options = new Dictionary<string, AgentGatewayOptions>(StringComparer.Ordinal)
            {
                ["hardened"] = AgentGatewayOptions.Hardened(issuer.Issuer, ports["hardened"], AuditFile("hardened"), hardenedCerbos.BaseUrl),
                ["weak"] = AgentGatewayOptions.Weak(issuer.Issuer, ports["weak"], AuditFile("weak")),
                ["unaudited-denials"] = AgentGatewayOptions.Hardened(issuer.Issuer, ports["unaudited-denials"], AuditFile("unaudited-denials"), hardenedCerbos.BaseUrl) with { AuditsDenials = false },
            };
            var gateways = new Dictionary<string, AgentGatewayHost>(StringComparer.Ordinal);
            foreach (var (name, gatewayOptions) in options)
            {
                gateways[name] = await Track(servers, AgentGatewayHost.StartAsync(gatewayOptions)).ConfigureAwait(false);
            }

            return new GatewayDeployment(folder, servers, issuer, hardenedCerbos, weakCerbos, agents, gateways);
        }
        catch
        {
            await DisposeAllAsync(servers, folder).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<T> Track<T>(List<IAsyncDisposable> servers, Task<T> starting)
        where T : IAsyncDisposable
    {
        var server = await starting.ConfigureAwait(false);
        servers.Add(server);
        return server;
    }

    private static async Task DisposeAllAsync(List<IAsyncDisposable> servers, string folder)
    {
        foreach (var server in Enumerable.Reverse(servers))
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    public ValueTask DisposeAsync() => new(DisposeAllAsync(_servers, _folder));
}
