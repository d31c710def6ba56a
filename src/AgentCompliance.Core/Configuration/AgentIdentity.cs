namespace AgentCompliance.Core.Configuration;

/// <summary>An agent's identity at the identity provider, and what it should (and should not) be allowed to do.</summary>
public sealed record AgentIdentity
{
    public required string Name { get; init; }

    public required string ClientId { get; init; }

    /// <summary>Where the client secret or private key is read; never the secret itself.</summary>
    public SecretReference? Credentials { get; init; }

    public ClientAuthenticationMethod AuthMethod { get; init; } = ClientAuthenticationMethod.ClientSecretBasic;

    public IReadOnlyList<string> AllowedScopes { get; init; } = [];

    public IReadOnlyList<string> AllowedTools { get; init; } = [];

    /// <summary>RFC 8707 resource indicator sent with token requests.</summary>
    public Uri? Resource { get; init; }

    public string? Audience { get; init; }

    public string? SpiffeId { get; init; }

    /// <summary>Where the agent's SPIFFE SVIDs are read, for the workload-identity steps.</summary>
    public SvidSource? Svid { get; init; }
}
