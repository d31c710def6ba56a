using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Probes.Transport;

/// <summary>
/// Every endpoint a profile points the harness at: the identity provider's URLs, the agent gateway, the policy
/// decision point, each MCP server, the audit log URL and the SPIFFE bundle endpoint. Agents' SVID endpoints are
/// listed separately, because SPIFFE authenticates them by SPIFFE ID rather than by host name.
/// </summary>
public static class ProfileEndpoints
{
    /// <summary>The deployment's service endpoints, in profile order.</summary>
    public static IReadOnlyList<ProfileEndpoint> Services(TargetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var endpoints = new List<ProfileEndpoint>();
        void Add(string key, Uri? url)
        {
            if (url is not null)
            {
                endpoints.Add(new ProfileEndpoint(key, url));
            }
        }

        var target = profile.Target;
        if (target.IdentityProvider is { } idp)
        {
            Add("target.identityProvider.issuer", idp.Issuer);
            Add("target.identityProvider.tokenEndpoint", idp.TokenEndpoint);
            Add("target.identityProvider.introspectionEndpoint", idp.IntrospectionEndpoint);
            Add("target.identityProvider.revocationEndpoint", idp.RevocationEndpoint);
            Add("target.identityProvider.jwksUri", idp.JwksUri);
        }

        Add("target.agentGateway.baseUrl", target.AgentGateway?.BaseUrl);
        Add("target.policyDecisionPoint.url", target.PolicyDecisionPoint?.Url);
        foreach (var server in target.McpServers)
        {
            Add($"target.mcpServers[{server.Name}].url", server.Url);
        }

        Add("target.auditLog.url", target.AuditLog?.Url);
        Add("spiffe.bundle.url", profile.Spiffe?.Bundle.Url);
        return endpoints;
    }

    /// <summary>The agents' SVID endpoints (mTLS endpoints presenting an agent's X.509-SVID).</summary>
    public static IReadOnlyList<ProfileEndpoint> SvidEndpoints(TargetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return [.. profile.Agents.Where(a => a.Svid?.Endpoint is not null).Select(a => new ProfileEndpoint($"agents[{a.Name}].svid.endpoint", a.Svid!.Endpoint!))];
    }
}
