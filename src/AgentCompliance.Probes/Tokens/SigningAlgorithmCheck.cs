using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The token is signed with an asymmetric algorithm that fits the issuer's key. <c>none</c> means unsigned; an HMAC
/// algorithm (HS256…) on a token the issuer's public JWKS should verify is the algorithm-confusion attack: a verifier
/// that uses the public key as the HMAC secret accepts tokens anyone can forge.
/// </summary>
public static class SigningAlgorithmCheck
{
    /// <summary>JWS algorithms verified with a public key (RFC 7518 §3.1, RFC 8037).</summary>
    public static readonly IReadOnlySet<string> AsymmetricAlgorithms = new HashSet<string>(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
    };

    public static CheckOutcome Check(JsonWebToken token, JsonWebKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(keys);
        var algorithm = token.Alg;
        if (string.IsNullOrEmpty(algorithm))
        {
            return CheckOutcome.Fail("the JWT header names no 'alg'");
        }

        if (string.Equals(algorithm, "none", StringComparison.OrdinalIgnoreCase))
        {
            return CheckOutcome.Fail("the token is unsigned (alg 'none'): anyone can forge it");
        }

        if (algorithm.StartsWith("HS", StringComparison.OrdinalIgnoreCase))
        {
            return CheckOutcome.Fail($"the token uses the symmetric alg '{algorithm}' while the issuer publishes public keys: a verifier that takes the public key as HMAC secret accepts forged tokens (algorithm confusion)");
        }

        if (!AsymmetricAlgorithms.Contains(algorithm))
        {
            return CheckOutcome.Fail($"the token uses the alg '{algorithm}', which is not an asymmetric JWS algorithm ({string.Join(", ", AsymmetricAlgorithms)})");
        }

        var key = keys.Keys.FirstOrDefault(k => !string.IsNullOrEmpty(token.Kid) && string.Equals(k.Kid, token.Kid, StringComparison.Ordinal));
        if (key is not null)
        {
            if (!string.IsNullOrEmpty(key.Alg) && !string.Equals(key.Alg, algorithm, StringComparison.Ordinal))
            {
                return CheckOutcome.Fail($"the token uses alg '{algorithm}' but its key '{key.Kid}' is published for '{key.Alg}'");
            }

            var expectedType = algorithm[..2] switch
            {
                "RS" or "PS" => JsonWebAlgorithmsKeyTypes.RSA,
                "ES" => JsonWebAlgorithmsKeyTypes.EllipticCurve,
                _ => "OKP",
            };
            if (!string.Equals(key.Kty, expectedType, StringComparison.Ordinal))
            {
                return CheckOutcome.Fail($"the token uses alg '{algorithm}' but its key '{key.Kid}' is of type '{key.Kty}'");
            }
        }

        return CheckOutcome.Pass($"signed with the asymmetric alg {algorithm}");
    }
}
