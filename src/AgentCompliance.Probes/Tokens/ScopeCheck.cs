namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The token grants only scopes the agent is allowed (least privilege): an issuer that hands out every scope, or
/// more than asked for, makes every agent as powerful as the most privileged one.
/// </summary>
public static class ScopeCheck
{
    /// <param name="claims">The token's claims.</param>
    /// <param name="grantedByResponse">The <c>scope</c> of the token response, which counts too when the token states none.</param>
    /// <param name="allowed">The agent's allowed scopes from the profile.</param>
    public static CheckOutcome Check(AccessTokenClaims claims, string? grantedByResponse, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(allowed);
        var granted = (claims.Scopes ?? [])
            .Concat(grantedByResponse?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var extra = granted.Where(s => !allowed.Contains(s, StringComparer.Ordinal)).ToList();
        if (extra.Count > 0)
        {
            return CheckOutcome.Fail($"the token grants {string.Join(", ", extra)} beyond the allowed [{string.Join(", ", allowed)}]");
        }

        return granted.Count == 0
            ? CheckOutcome.Pass("the token grants no scope")
            : CheckOutcome.Pass($"scopes [{string.Join(" ", granted)}] are within the allowed [{string.Join(", ", allowed)}]");
    }
}
