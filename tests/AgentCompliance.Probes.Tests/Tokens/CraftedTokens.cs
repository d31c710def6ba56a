using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Tests.Tokens;

/// <summary>
/// Tokens made for the checks' tests: properly signed ones from a key of our own (published in <see cref="Keys"/>),
/// and deliberately broken or hostile ones — unsigned, HMAC-signed with the public key (algorithm confusion),
/// tampered, malformed.
/// </summary>
internal sealed class CraftedTokens : IDisposable
{
    public const string Issuer = "https://issuer.test/";
    public const string KeyId = "signing-key-1";

    private readonly RSA _rsa = RSA.Create(2048);

    public CraftedTokens()
    {
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = KeyId });
        publicKey.Alg = "RS256";
        publicKey.Use = "sig";
        Keys = new JsonWebKeySet { Keys = { publicKey } };
        PublicKeyPem = _rsa.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The issuer's published keys: the public half of the signing key.</summary>
    public JsonWebKeySet Keys { get; }

    public string PublicKeyPem { get; }

    /// <summary>An RS256 access token signed by the issuer's key.</summary>
    public string Signed(IDictionary<string, object>? claims = null, string? kid = KeyId, string type = "at+jwt", string issuer = Issuer, DateTime? expires = null, DateTime? issued = null)
    {
        var now = issued ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            TokenType = type,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires ?? now.AddMinutes(5),
            Claims = claims ?? new Dictionary<string, object> { ["sub"] = "research-agent" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A token with the given header, the payload of a valid token, and an HMAC-SHA256 signature keyed with the public key's PEM.</summary>
    public string HmacWithPublicKey()
    {
        var (header, payload) = Parts(new { alg = "HS256", typ = "at+jwt", kid = KeyId });
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(PublicKeyPem), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>An unsigned token (alg none, empty signature).</summary>
    public string Unsigned()
    {
        var (header, payload) = Parts(new { alg = "none", typ = "at+jwt" });
        return $"{header}.{payload}.";
    }

    /// <summary>A signed token whose payload was changed afterwards.</summary>
    public string Tampered()
    {
        var parts = Signed().Split('.');
        var forged = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { iss = Issuer, sub = "admin", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }));
        return $"{parts[0]}.{forged}.{parts[2]}";
    }

    public static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    private (string Header, string Payload) Parts(object header) =>
        (Encode(header), Signed().Split('.')[1]);

    public void Dispose() => _rsa.Dispose();
}
