using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The token's header names its signing key (<c>kid</c>) and the issuer's JWKS publishes that key, so verifiers pick
/// exactly one key and key rotation is visible.
/// </summary>
public static class KeyIdCheck
{
    public static CheckOutcome Check(JsonWebToken token, JsonWebKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(token.Kid))
        {
            return CheckOutcome.Fail("the JWT header names no signing key ('kid')");
        }

        var published = keys.Keys.Select(k => k.Kid).Where(k => !string.IsNullOrEmpty(k)).ToList();
        return published.Contains(token.Kid, StringComparer.Ordinal)
            ? CheckOutcome.Pass($"signed with key '{token.Kid}', which the JWKS publishes")
            : CheckOutcome.Fail($"the token names key '{token.Kid}', which the issuer's JWKS does not publish (published: {(published.Count == 0 ? "no key ids" : string.Join(", ", published))})");
    }
}
