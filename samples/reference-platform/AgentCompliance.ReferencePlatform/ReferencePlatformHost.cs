using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentCompliance.ReferencePlatform.Gateway;
using AgentCompliance.ReferencePlatform.Hosting;
using AgentCompliance.ReferencePlatform.Mcp;
using AgentCompliance.ReferencePlatform.TokenService;

namespace AgentCompliance.ReferencePlatform;

/// <summary>
/// A running reference agent platform: the token service, the agent gateway (with its policy decision point and audit
/// trail) and the MCP tool server, each on its own port. Start it with <see cref="StartAsync"/>; disposing stops every
/// component and removes the temporary audit folder.
/// </summary>
public sealed class ReferencePlatformHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _components;
    private readonly string? _temporaryFolder;
    private readonly string _portalSecret;
    private readonly string _humanPassword;
    private int _disposed;

    private ReferencePlatformHost(
        PlatformConfiguration configuration, PlatformEndpoints endpoints, IReadOnlyList<PlatformAgentCredentials> agents,
        string auditFile, List<IAsyncDisposable> components, string? temporaryFolder, string portalSecret, string humanPassword)
    {
        Configuration = configuration;
        Endpoints = endpoints;
        Agents = agents;
        AuditFile = auditFile;
        _components = components;
        _temporaryFolder = temporaryFolder;
        _portalSecret = portalSecret;
        _humanPassword = humanPassword;
    }

    public PlatformConfiguration Configuration { get; }

    public PlatformEndpoints Endpoints { get; }

    /// <summary>Every agent with the secret of the client it uses (agents sharing a client share the secret).</summary>
    public IReadOnlyList<PlatformAgentCredentials> Agents { get; }

    /// <summary>The JSON-lines audit file the gateway writes (also served at <see cref="PlatformEndpoints.AuditEvents"/>).</summary>
    public string AuditFile { get; }

    /// <summary>The person who approves tasks the agents execute for them (their subject at the token service).</summary>
    public static string HumanSubject => PlatformTokenService.HumanUser;

    /// <summary>Every secret the platform holds (client secrets, the portal's secret, the person's password), so none may leak.</summary>
    public IReadOnlyCollection<string> Secrets => [.. Agents.Select(a => a.Secret).Distinct(StringComparer.Ordinal), _portalSecret, _humanPassword];

    /// <summary>Starts every component; on failure whatever started is stopped again.</summary>
    public static async Task<ReferencePlatformHost> StartAsync(PlatformConfiguration configuration, PlatformListenOptions? listen = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        listen ??= PlatformListenOptions.Loopback;
        var issuerPort = FreePort.Or(listen.IssuerPort, listen.BindAddress);
        var gatewayPort = FreePort.Or(listen.GatewayPort, listen.BindAddress);
        var mcpPort = FreePort.Or(listen.McpPort, listen.BindAddress);
        var issuer = new Uri($"http://{listen.PublicHost}:{issuerPort}/");
        var gateway = new Uri($"http://{listen.PublicHost}:{gatewayPort}/");
        var mcp = new Uri($"http://{listen.PublicHost}:{mcpPort}/mcp");

        string Secret(string clientId) => listen.ClientSecrets.TryGetValue(clientId, out var secret) && secret.Length > 0
            ? secret
            : RandomNumberGenerator.GetHexString(40, lowercase: true);
        var secrets = configuration.ClientIds.Append(PlatformTokenService.PortalClientId).ToDictionary(id => id, Secret, StringComparer.Ordinal);
        var humanPassword = listen.HumanPassword is { Length: > 0 } password ? password : RandomNumberGenerator.GetHexString(24, lowercase: true);
        var clients = configuration.ClientIds
            .Select(id => new TokenServiceClient(
                id,
                secrets[id],
                configuration.GrantEveryScope ? PlatformConfiguration.Scopes : [.. configuration.Agents.Where(a => a.ClientId == id).SelectMany(a => a.Scopes).Distinct(StringComparer.Ordinal)],
                IsPortal: false))
            .Append(new TokenServiceClient(PlatformTokenService.PortalClientId, secrets[PlatformTokenService.PortalClientId], PlatformConfiguration.Scopes, IsPortal: true))
            .ToList();

        var temporaryFolder = listen.AuditFile is null ? Directory.CreateTempSubdirectory("agentcompliance-platform-").FullName : null;
        var auditFile = listen.AuditFile ?? Path.Combine(temporaryFolder!, "audit.jsonl");
        var components = new List<IAsyncDisposable>();
        try
        {
            var tokenService = await PlatformTokenService.StartAsync(
                new TokenServiceSettings(issuer, listen.BindAddress, mcp, clients, humanPassword, configuration), issuerPort, cancellationToken).ConfigureAwait(false);
            components.Add(tokenService);
            var audit = new AuditTrail(auditFile);
            components.Add(await AgentGateway.StartAsync(listen.BindAddress, gatewayPort, issuer, mcp, configuration, audit, tokenService.IsActiveAsync, cancellationToken).ConfigureAwait(false));
            components.Add(await PlatformMcpServer.StartAsync(listen.BindAddress, mcpPort, listen.PublicHost, issuer, mcp, configuration, tokenService.IsActiveAsync, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await StopAsync(components, temporaryFolder).ConfigureAwait(false);
            throw;
        }

        var endpoints = new PlatformEndpoints(
            issuer,
            new Uri(issuer, "connect/token"),
            new Uri(issuer, "connect/introspect"),
            configuration.Revocable ? new Uri(issuer, "connect/revocation") : null,
            new Uri(issuer, ".well-known/jwks"),
            gateway,
            configuration.CerbosUrl ?? new Uri(gateway, "pdp/"),
            new Uri(gateway, "audit/events"),
            mcp);
        var agents = configuration.Agents.Select(a => new PlatformAgentCredentials(a, secrets[a.ClientId])).ToList();
        return new ReferencePlatformHost(configuration, endpoints, agents, auditFile, components, temporaryFolder, secrets[PlatformTokenService.PortalClientId], humanPassword);
    }

    /// <summary>
    /// The approving person's access token, as the approval portal obtains it when they sign in (password grant): the
    /// subject token agents exchange (RFC 8693) to act for them. It is a secret like any token.
    /// </summary>
    public async Task<string> IssueHumanTokenAsync(CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoints.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["username"] = HumanSubject,
                ["password"] = _humanPassword,
                ["scope"] = "documents.read tickets.write refunds.issue",
                ["resource"] = Endpoints.Mcp.ToString(),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PlatformTokenService.PortalClientId}:{_portalSecret}")));
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The body is an OAuth error (never a token); the status and error code say what went wrong.
            throw new InvalidOperationException($"the approval portal could not sign the person in: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync(_components, _temporaryFolder).ConfigureAwait(false);
        }
    }

    private static async Task StopAsync(List<IAsyncDisposable> components, string? temporaryFolder)
    {
        foreach (var component in Enumerable.Reverse(components))
        {
            await component.DisposeAsync().ConfigureAwait(false);
        }

        if (temporaryFolder is not null)
        {
            try
            {
                Directory.Delete(temporaryFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
