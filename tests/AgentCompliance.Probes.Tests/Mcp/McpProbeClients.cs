using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Mcp;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.TestServers.Mcp;

namespace AgentCompliance.Probes.Tests.Mcp;

/// <summary>Clients, targets and tokens for the MCP probe tests, built the way the steps build them.</summary>
internal static class McpProbeClients
{
    public static ProbeHttpClient Client(EvidenceList evidence, SecretRegistry? secrets = null) => new(
        new ProbeHttpOptions { AllowInsecureLoopback = true, RequestTimeout = TimeSpan.FromSeconds(15) },
        evidence,
        new Redactor(secrets ?? new SecretRegistry()));

    public static McpServerTarget Target(Uri url, McpTransport transport = McpTransport.StreamableHttp, string? token = null) =>
        new("tools", url, transport, token, TimeSpan.FromSeconds(60));

    /// <summary>A real access token from the hardened server's issuer (client_credentials for its resource).</summary>
    public static async Task<string> TokenAsync(ProbeHttpClient http, HardenedMcpServer server)
    {
        var response = await new TokenClient(http).ClientCredentialsAsync(
            server.Issuer.TokenEndpoint,
            new ClientCredentials(server.Issuer.ClientId, ClientAuthenticationMethod.ClientSecretBasic, server.Issuer.ClientSecret),
            [server.Issuer.Scope],
            server.Url);
        return response.AccessToken;
    }
}
