namespace AgentCompliance.Probes.Revocation;

/// <summary>What watching a revoked token showed on one channel (introspection or a protected resource).</summary>
/// <param name="Channel">What was asked, e.g. "introspection at https://idp/introspect".</param>
/// <param name="RejectedAfter">Time from revocation until the channel first rejected the token; null if it never did.</param>
/// <param name="LastAnswer">The channel's last answer, in words.</param>
/// <param name="CannotTell">Set when the channel refused to say (e.g. introspection answered <c>unsupported_token_type</c>).</param>
public sealed record RevocationObservation(string Channel, TimeSpan? RejectedAfter, string LastAnswer, bool CannotTell = false);
