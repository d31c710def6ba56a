using AgentCompliance.Probes.OAuth;
using Reqnroll;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>
/// The token issuer itself: its metadata names the configured issuer, it publishes only public signing keys, and the
/// endpoints that receive client secrets and tokens are served over https.
/// </summary>
[Binding]
public sealed class IssuerSteps(AgentTokenContext tokens)
{
    /// <summary>
    /// The issuer's metadata (<c>/.well-known/openid-configuration</c>, else <c>/.well-known/oauth-authorization-server</c>)
    /// can be read and its <c>issuer</c> is exactly the configured one (RFC 8414 §3.3), so its endpoints can be trusted.
    /// </summary>
    /// <example>Then the issuer's metadata names the configured issuer</example>
    [Then("the issuer's metadata names the configured issuer")]
    public async Task ThenTheIssuersMetadataNamesTheConfiguredIssuer()
    {
        var metadata = await tokens.Deployment.IssuerMetadataAsync().ConfigureAwait(false);
        tokens.Deployment.Note(
            "issuer metadata",
            $"read from {metadata.Source}; issuer '{metadata.Issuer}'; token endpoint {metadata.TokenEndpoint?.ToString() ?? "(none)"}; jwks_uri {metadata.JwksUri?.ToString() ?? "(none)"}; introspection {metadata.IntrospectionEndpoint?.ToString() ?? "(none)"}; revocation {metadata.RevocationEndpoint?.ToString() ?? "(none)"}; grant types [{string.Join(", ", metadata.GrantTypesSupported)}]");
    }

    /// <summary>
    /// The issuer's JWKS holds at least one key, and only public asymmetric keys with a <c>kid</c>: no private key
    /// parts and no shared (symmetric) secrets, which would let anyone who reads the JWKS mint tokens.
    /// </summary>
    /// <example>Then the issuer publishes only public signing keys</example>
    [Then("the issuer publishes only public signing keys")]
    public async Task ThenTheIssuerPublishesOnlyPublicSigningKeys()
    {
        var outcome = PublishedKeysCheck.Check(await tokens.KeysAsync().ConfigureAwait(false));
        if (!outcome.Holds)
        {
            throw new ControlFailedException($"the issuer's JWKS is unsafe: {outcome.Message}");
        }

        tokens.Deployment.Note("published keys", outcome.Message);
    }

    /// <summary>
    /// The token, introspection, revocation and JWKS endpoints (from the profile, else the issuer's metadata) use
    /// https. Plain http fails, also to a loopback host the profile allows (<c>transport.allowInsecureLoopback</c> only
    /// lets the probes reach a local test deployment; waive this scenario for one).
    /// </summary>
    /// <example>Then the issuer's token endpoints are served over https</example>
    [Then("the issuer's token endpoints are served over https")]
    public async Task ThenTheIssuersTokenEndpointsAreServedOverHttps()
    {
        var deployment = tokens.Deployment;
        var allow = deployment.Profile.Transport.AllowInsecureLoopback;

        // Judge the configured URLs first: an http endpoint must fail this control before anything is sent to it.
        var provider = deployment.IdentityProvider;
        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal) { ["issuer"] = provider.Issuer };
        var configured = EndpointTransportCheck.Check(endpoints, allow);
        if (!configured.Holds)
        {
            throw new ControlFailedException($"token endpoints without TLS: {configured.Message}");
        }

        Add(endpoints, "token endpoint", await deployment.TokenEndpointAsync().ConfigureAwait(false));
        Add(endpoints, "introspection endpoint", await deployment.IntrospectionEndpointAsync().ConfigureAwait(false));
        Add(endpoints, "revocation endpoint", await deployment.RevocationEndpointAsync().ConfigureAwait(false));
        Add(endpoints, "JWKS", await deployment.JwksUriAsync().ConfigureAwait(false));
        var outcome = EndpointTransportCheck.Check(endpoints, allow);
        if (!outcome.Holds)
        {
            throw new ControlFailedException($"token endpoints without TLS: {outcome.Message}");
        }

        deployment.Note("transport of the token endpoints", outcome.Message);
        var plain = endpoints.Where(e => e.Value.Scheme == Uri.UriSchemeHttp).Select(e => e.Key).ToList();
        if (plain.Count > 0)
        {
            throw new ControlFailedException(
                $"token endpoints without TLS: {string.Join(", ", plain)} (plain http to a loopback host; transport.allowInsecureLoopback lets the probes reach it, but secrets and tokens travel unencrypted)");
        }
    }

    private static void Add(Dictionary<string, Uri> endpoints, string name, Uri? url)
    {
        if (url is not null)
        {
            endpoints[name] = url;
        }
    }
}
