using AgentCompliance.Probes.OAuth;

namespace AgentCompliance.Probes.Revocation;

/// <summary>Where a revoked token is watched: the issuer's introspection endpoint and a resource that accepted it.</summary>
public sealed record RevocationWatchTargets
{
    /// <summary>The token that was revoked (a secret: registered before watching).</summary>
    public required string Token { get; init; }

    /// <summary>The introspection endpoint, or null when the issuer has none.</summary>
    public Uri? IntrospectionEndpoint { get; init; }

    /// <summary>How the watcher authenticates at the introspection endpoint.</summary>
    public ClientCredentials? Client { get; init; }

    /// <summary>A protected resource that accepted the token before it was revoked, or null.</summary>
    public Uri? ProtectedResource { get; init; }
}
