using AgentCompliance.Probes.Tokens;

namespace AgentCompliance.Probes.OAuth;

/// <summary>What an introspection endpoint (RFC 7662) said about a token: active with its claims, inactive, or an error.</summary>
public sealed record IntrospectionResult
{
    public bool Active { get; init; }

    /// <summary>The claims of an active token.</summary>
    public AccessTokenClaims? Claims { get; init; }

    /// <summary>Set when the endpoint refused to answer (e.g. 400 <c>unsupported_token_type</c> for JWTs it cannot look up).</summary>
    public OAuthError? Error { get; init; }
}
