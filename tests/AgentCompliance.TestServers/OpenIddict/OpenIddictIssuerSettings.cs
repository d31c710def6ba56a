namespace AgentCompliance.TestServers.OpenIddict;

/// <summary>
/// How the OpenIddict test issuer behaves. <see cref="Hardened"/> is what the bundled identity controls expect;
/// <see cref="Weak"/> breaks each of them the way real deployments do.
/// </summary>
public sealed record OpenIddictIssuerSettings
{
    /// <summary>5-minute tokens, one client per agent, audience-bound, revocable, delegation with <c>act</c> and narrowed scope.</summary>
    public static OpenIddictIssuerSettings Hardened { get; } = new()
    {
        AccessTokenLifetime = TimeSpan.FromMinutes(5),
        SharedAgentClient = false,
        GrantEveryScope = false,
        BindAudienceToResource = true,
        StoreTokens = true,
        DelegationAddsActor = true,
    };

    /// <summary>
    /// 24-hour tokens, one client shared by two agents, every scope granted, every API in the audience, no token
    /// storage (so nothing can be revoked and no revocation endpoint is offered), delegation without <c>act</c>.
    /// </summary>
    public static OpenIddictIssuerSettings Weak { get; } = new()
    {
        AccessTokenLifetime = TimeSpan.FromHours(24),
        SharedAgentClient = true,
        GrantEveryScope = true,
        BindAudienceToResource = false,
        StoreTokens = false,
        DelegationAddsActor = false,
    };

    public required TimeSpan AccessTokenLifetime { get; init; }

    /// <summary>One client (<c>shared-agent</c>) instead of one per agent.</summary>
    public required bool SharedAgentClient { get; init; }

    /// <summary>Every registered scope is granted whatever the client asked for.</summary>
    public required bool GrantEveryScope { get; init; }

    /// <summary>The token's audience is exactly the requested resource, rather than every API.</summary>
    public required bool BindAudienceToResource { get; init; }

    /// <summary>Tokens are stored, so revocation (RFC 7009) and introspection reflect it.</summary>
    public required bool StoreTokens { get; init; }

    /// <summary>Token exchange names the agent in <c>act</c>, narrows scope and audience, and dies with the subject token.</summary>
    public required bool DelegationAddsActor { get; init; }
}
