namespace AgentCompliance.Core.Configuration;

/// <summary>The OAuth/OIDC server that issues agent tokens. Endpoints left out are discovered from the issuer's metadata.</summary>
public sealed record IdentityProviderEndpoints
{
    public required Uri Issuer { get; init; }

    public Uri? TokenEndpoint { get; init; }

    public Uri? IntrospectionEndpoint { get; init; }

    public Uri? RevocationEndpoint { get; init; }

    public Uri? JwksUri { get; init; }

    public ClientAuthenticationMethod? TokenEndpointAuthMethod { get; init; }
}
