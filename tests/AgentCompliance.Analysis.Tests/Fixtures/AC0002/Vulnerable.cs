using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

public class TokenIssuer
{
    public SigningCredentials Credentials()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("agent-gateway-signing-key-please-rotate")); // expect: AC0002
        return new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
    }

    public byte[] Sign(byte[] payload)
    {
        using var hmac = new HMACSHA256(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }); // expect: AC0002
        return hmac.ComputeHash(payload);
    }

    public SymmetricSecurityKey FromBase64()
    {
        const string material = "c2lnbmluZy1rZXktZm9yLWFnZW50cy0xMjM0NTY3ODkw";
        return new SymmetricSecurityKey(Convert.FromBase64String(material)); // expect: AC0002
    }

    public RSA Private()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"); // expect: AC0002
        return rsa;
    }
}
