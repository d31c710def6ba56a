using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The token's signature verifies with a key from the issuer's JWKS, using only asymmetric algorithms, and its
/// <c>iss</c> is the issuer — what every resource server must check before trusting any claim. Validated by
/// Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>.
/// </summary>
public static class SignatureCheck
{
    public static async Task<CheckOutcome> CheckAsync(string token, JsonWebKeySet keys, string issuer)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(60),
            RequireSignedTokens = true,
            RequireExpirationTime = false,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = SigningAlgorithmCheck.AsymmetricAlgorithms,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid
            ? CheckOutcome.Pass("the signature verifies with the issuer's published key")
            : CheckOutcome.Fail(Describe(result.Exception));
    }

    // IdentityModel's messages hide details behind PII placeholders; say in words what failed instead.
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAlgorithmException => "the signature algorithm is not an accepted asymmetric algorithm",
        SecurityTokenSignatureKeyNotFoundException => "no key in the issuer's JWKS verifies the signature",
        SecurityTokenInvalidSignatureException => "the signature does not verify with the issuer's published keys",
        SecurityTokenInvalidIssuerException => "the token's 'iss' is not the issuer",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet ('nbf' in the future)",
        SecurityTokenInvalidLifetimeException => "the token's validity period is impossible ('exp' before 'nbf')",
        SecurityTokenMalformedException => "the token is malformed",
        null => "the token did not validate",
        _ => $"the token did not validate ({exception.GetType().Name})",
    };
}
