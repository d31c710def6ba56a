namespace AgentCompliance.ReferencePlatform.TokenService;

/// <summary>What the token service needs to start: who it is, what it protects, whom it knows, how it behaves.</summary>
internal sealed record TokenServiceSettings(
    Uri Issuer,
    string BindAddress,
    Uri Resource,
    IReadOnlyList<TokenServiceClient> Clients,
    string HumanPassword,
    PlatformConfiguration Configuration);
