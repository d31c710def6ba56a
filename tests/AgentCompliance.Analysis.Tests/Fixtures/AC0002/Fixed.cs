using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

public class TokenIssuer(IConfiguration configuration, ISecretStore secrets)
{
    public SigningCredentials Credentials()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:SigningKey"]!));
        return new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
    }

    public byte[] Sign(byte[] payload)
    {
        using var hmac = new HMACSHA256(secrets.GetKeyBytes("webhook-signing"));
        return hmac.ComputeHash(payload);
    }

    public RSA Private()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(configuration["Jwt:PrivateKeyPath"]!));
        return rsa;
    }
}
