using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Probes.OAuth;

/// <summary>How one agent authenticates at the token endpoint: its client id, method and secret (already resolved).</summary>
public sealed record ClientCredentials(string ClientId, ClientAuthenticationMethod Method, string? Secret);
