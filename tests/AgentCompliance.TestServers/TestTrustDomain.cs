using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.TestServers;

/// <summary>
/// A SPIFFE trust domain made for a test (no SPIRE server is available): an X.509 authority that issues
/// X.509-SVIDs, a key that signs JWT-SVIDs, and the trust bundle publishing both in the SPIFFE bundle format.
/// </summary>
public sealed class TestTrustDomain : IDisposable
{
    private readonly ECDsa _jwtKey;

    private TestTrustDomain(string name, TestCertificateAuthority authority, ECDsa jwtKey, string jwtKeyId)
    {
        Name = name;
        Authority = authority;
        _jwtKey = jwtKey;
        JwtKeyId = jwtKeyId;
    }

    public string Name { get; }

    public TestCertificateAuthority Authority { get; }

    public string JwtKeyId { get; }

    public static TestTrustDomain Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new TestTrustDomain(name, TestCertificateAuthority.Create($"{name} SPIFFE CA", name), ECDsa.Create(ECCurve.NamedCurves.nistP256), $"{name}-jwt-1");
    }

    /// <summary>spiffe://name/path</summary>
    public string IdOf(string path) => $"spiffe://{Name}{path}";

    /// <summary>A proper X.509-SVID for <c>spiffe://name/path</c>, valid for an hour unless told otherwise.</summary>
    public X509Certificate2 IssueSvid(string path, TimeSpan? lifetime = null, DateTimeOffset? notBefore = null) =>
        Authority.IssueSvid([IdOf(path)], lifetime ?? TimeSpan.FromHours(1), notBefore);

    /// <summary>
    /// A JWT-SVID (ES256, kid of this domain) with exactly the claims given; null leaves a claim out. Times are Unix
    /// seconds so tests control them exactly.
    /// </summary>
    public string IssueJwtSvid(string? subject, IReadOnlyList<string>? audiences, DateTimeOffset? issuedAt, DateTimeOffset? expires) =>
        SignJwt(_jwtKey, JwtKeyId, subject, audiences, issuedAt, expires);

    /// <summary>A JWT signed by a key that is in no bundle, claiming to be from this domain.</summary>
    public static string IssueForgedJwt(string subject, IReadOnlyList<string> audiences, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return SignJwt(foreign, "unknown-key", subject, audiences, issuedAt, expires);
    }

    /// <summary>The SPIFFE bundle (a JWK set): the X.509 authority as an x509-svid entry, the JWT key as a jwt-svid entry.</summary>
    public string BundleJson()
    {
        var point = _jwtKey.ExportParameters(false).Q;
        var bundle = new
        {
            spiffe_sequence = 1,
            keys = new object[]
            {
                new { use = "x509-svid", kty = "EC", crv = "P-256", x5c = new[] { Convert.ToBase64String(Authority.Certificate.RawData) }, x = Coordinate(Authority, true), y = Coordinate(Authority, false) },
                new { use = "jwt-svid", kty = "EC", crv = "P-256", kid = JwtKeyId, x = Base64UrlEncoder.Encode(point.X), y = Base64UrlEncoder.Encode(point.Y) },
            },
        };
        return JsonSerializer.Serialize(bundle);
    }

    private static string Coordinate(TestCertificateAuthority authority, bool x)
    {
        using var key = authority.Certificate.GetECDsaPublicKey()!;
        var point = key.ExportParameters(false).Q;
        return Base64UrlEncoder.Encode(x ? point.X : point.Y);
    }

    private static string SignJwt(ECDsa key, string keyId, string? subject, IReadOnlyList<string>? audiences, DateTimeOffset? issuedAt, DateTimeOffset? expires)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        if (audiences is not null)
        {
            claims["aud"] = audiences.ToArray();
        }

        if (issuedAt is { } iat)
        {
            claims["iat"] = iat.ToUnixTimeSeconds();
        }

        if (expires is { } exp)
        {
            claims["exp"] = exp.ToUnixTimeSeconds();
        }

        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public void Dispose()
    {
        _jwtKey.Dispose();
        Authority.Dispose();
    }
}
