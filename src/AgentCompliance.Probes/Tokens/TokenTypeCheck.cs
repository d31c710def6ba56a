using Microsoft.IdentityModel.JsonWebTokens;

namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The JWT header's <c>typ</c> says what the token is (RFC 9068: <c>at+jwt</c> for access tokens), so an ID token or
/// another JWT cannot be replayed as an access token. A media-type spelling with <c>application/</c> is the same type.
/// </summary>
public static class TokenTypeCheck
{
    public static CheckOutcome Check(JsonWebToken token, string expected)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(expected);
        var actual = token.Typ;
        if (string.IsNullOrEmpty(actual))
        {
            return CheckOutcome.Fail($"the JWT header has no 'typ'; expected '{expected}'");
        }

        return string.Equals(Normalize(actual), Normalize(expected), StringComparison.OrdinalIgnoreCase)
            ? CheckOutcome.Pass($"typ is '{actual}'")
            : CheckOutcome.Fail($"the JWT header's typ is '{actual}', not '{expected}'");
    }

    private static string Normalize(string type) =>
        type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? type["application/".Length..] : type;
}
