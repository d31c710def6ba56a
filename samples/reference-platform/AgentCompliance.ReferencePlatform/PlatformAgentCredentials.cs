namespace AgentCompliance.ReferencePlatform;

/// <summary>An agent of a running platform with the client secret it authenticates with.</summary>
public sealed record PlatformAgentCredentials(PlatformAgent Agent, string Secret);
