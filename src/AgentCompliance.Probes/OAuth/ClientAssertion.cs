using System.Security.Cryptography;
using AgentCompliance.Probes.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// A <c>private_key_jwt</c> client assertion (RFC 7523 §2.2, OpenID Connect Core §9): a short-lived JWT signed with
/// the agent's private key (PEM, RSA or EC), naming the client as issuer and subject and the server as audience.
/// </summary>
public static class ClientAssertion
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>The JWT <c>typ</c> of a client authentication assertion.</summary>
    public const string AssertionJwtType = "client-authentication+jwt";

    /// <summary>How long an assertion is valid: long enough for one request, short enough that a copy is useless.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Signs an assertion for one request to <paramref name="audience"/>.</summary>
    /// <exception cref="ProbeFailedException">The PEM holds no usable RSA or EC private key.</exception>
    public static string Create(string clientId, string privateKeyPem, string audience, DateTimeOffset now)
    {
        var (key, algorithm) = SigningKey(clientId, privateKeyPem);
        var descriptor = new SecurityTokenDescriptor
        {
            // The explicit type of draft-ietf-oauth-rfc7523bis, which servers such as OpenIddict require, so an
            // assertion cannot be confused with any other JWT.
            TokenType = AssertionJwtType,
            Issuer = clientId,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    // The key material is copied out of the PEM so no disposable crypto object outlives this call.
    private static (SecurityKey Key, string Algorithm) SigningKey(string clientId, string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return (new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)), SecurityAlgorithms.RsaSha256);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // Not an RSA key; try EC below.
        }

        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            var parameters = ec.ExportParameters(includePrivateParameters: true);
            var algorithm = ec.KeySize switch
            {
                256 => SecurityAlgorithms.EcdsaSha256,
                384 => SecurityAlgorithms.EcdsaSha384,
                _ => SecurityAlgorithms.EcdsaSha512,
            };
            return (new ECDsaSecurityKey(ECDsa.Create(parameters)), algorithm);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ProbeFailedException($"the credentials of client '{clientId}' are not a PEM-encoded RSA or EC private key, which private_key_jwt needs");
        }
    }
}
