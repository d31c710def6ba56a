using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// How one agent authenticates at the token endpoint: its client id, method and secret (already resolved). For
/// <c>private_key_jwt</c> the secret is the PEM of the private key that signs client assertions.
/// </summary>
public sealed record ClientCredentials(string ClientId, ClientAuthenticationMethod Method, string? Secret)
{
    /// <summary>
    /// The <c>aud</c> of <c>private_key_jwt</c> assertions: the issuer identifier when known (what RFC 7523bis asks
    /// for); null uses the URL of the endpoint being called.
    /// </summary>
    public string? AssertionAudience { get; init; }
}
