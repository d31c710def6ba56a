using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace AgentCompliance.TestServers.OidcProvider;

/// <summary>
/// oidc-provider (panva, npm) run by Node.js from <c>tests/servers/oidc-provider/</c> on a loopback port: a second,
/// independent OAuth implementation with three agent clients (client_secret_basic, client_secret_post,
/// private_key_jwt), RFC 8707 resources, introspection and revocation, and protected APIs under <c>/api/</c>. Hardened
/// issues opaque 5-minute tokens; weak issues 24-hour JWT access tokens, which oidc-provider cannot revoke.
/// </summary>
public sealed class OidcProviderIssuer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly Dictionary<string, string> _secrets;

    private OidcProviderIssuer(ServerProcess process, Dictionary<string, string> secrets, string agentPrivateKeyPem)
    {
        _process = process;
        _secrets = secrets;
        AgentPrivateKeyPem = agentPrivateKeyPem;
    }

    /// <summary>The issuer URL; oidc-provider publishes it without a trailing slash.</summary>
    public string Issuer => $"http://127.0.0.1:{_process.Port}";

    /// <summary>PEM of the private key the <c>ops-agent</c> (private_key_jwt) signs assertions with.</summary>
    public string AgentPrivateKeyPem { get; }

    public IReadOnlyCollection<string> AllSecrets => [.. _secrets.Values, AgentPrivateKeyPem];

    /// <summary>What the server printed, for failed tests.</summary>
    public string Output => _process.Output;

    public string Secret(string clientId) => _secrets[clientId];

    /// <summary>A protected API's URL, also the RFC 8707 resource indicator of tokens for it.</summary>
    public Uri Api(string name) => new($"{Issuer}/api/{name}");

    /// <summary>Starts <c>hardened.mjs</c> (opaque tokens) or <c>weak.mjs</c> (JWT access tokens).</summary>
    public static async Task<OidcProviderIssuer> StartAsync(bool hardened)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["research-agent"] = RandomNumberGenerator.GetHexString(40, lowercase: true),
            ["billing-agent"] = RandomNumberGenerator.GetHexString(40, lowercase: true),
        };
        using var key = RSA.Create(2048);
        var publicKey = key.ExportParameters(includePrivateParameters: false);
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(publicKey.Modulus),
            ["e"] = Base64Url.EncodeToString(publicKey.Exponent),
            ["alg"] = "RS256",
            ["use"] = "sig",
            ["kid"] = "ops-agent-1",
        });
        var port = LoopbackPort.GetFree();
        var process = await ServerProcess.StartNodeAsync(
            NodeServers.Script(Path.Combine("oidc-provider", hardened ? "hardened.mjs" : "weak.mjs")),
            [],
            port,
            new Dictionary<string, string>
            {
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RESEARCH_SECRET"] = secrets["research-agent"],
                ["BILLING_SECRET"] = secrets["billing-agent"],
                ["OPS_JWK"] = jwk,
            }).ConfigureAwait(false);
        return new OidcProviderIssuer(process, secrets, key.ExportPkcs8PrivateKeyPem());
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
