using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Gateway;

/// <summary>
/// An access token that looks right — the expected issuer, audience and agent, unexpired, <c>typ: at+jwt</c> — but is
/// signed with a key the issuer never published. A resource server that accepts it does not check signatures.
/// </summary>
public static class ForgedAccessToken
{
    public static string Create(string issuer, string audience, string clientId, TimeProvider? clock = null)
    {
        using var key = RSA.Create(2048);
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("client_id", clientId)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "agentcompliance-forged" }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
