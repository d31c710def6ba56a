namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The token's audience is exactly the resource it was requested for (RFC 8707): a token that several APIs accept can
/// be replayed against all of them.
/// </summary>
public static class AudienceCheck
{
    public static CheckOutcome Check(AccessTokenClaims claims, string expected)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrEmpty(expected);
        var audiences = claims.Audiences;
        if (audiences.Count == 0)
        {
            return CheckOutcome.Fail($"the token has no audience ('aud'), so any API accepts it; expected exactly '{expected}'");
        }

        if (audiences.Count == 1 && Same(audiences[0], expected))
        {
            return CheckOutcome.Pass($"audience is exactly '{expected}'");
        }

        var others = audiences.Where(a => !Same(a, expected)).ToList();
        return audiences.Any(a => Same(a, expected))
            ? CheckOutcome.Fail($"the token is also meant for {string.Join(", ", others.Select(a => $"'{a}'"))} besides '{expected}'")
            : CheckOutcome.Fail($"the token's audience is {string.Join(", ", audiences.Select(a => $"'{a}'"))}, not '{expected}'");
    }

    // Resource indicators are URLs: compare them as URLs where both parse (host case, default port), else exactly.
    private static bool Same(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y) && x == y);
}
