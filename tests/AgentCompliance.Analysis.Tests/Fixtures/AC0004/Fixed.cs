using System.IdentityModel.Tokens.Jwt;
using Duende.IdentityServer.Models;
using Microsoft.IdentityModel.Tokens;

public static class AgentClients
{
    public static Client Build() => new Client
    {
        ClientId = "billing-agent",
        AccessTokenLifetime = 300,
        AbsoluteRefreshTokenLifetime = 60 * 60 * 8,
    };

    public static void Configure(OpenIddictServerBuilder options)
    {
        options.SetAccessTokenLifetime(TimeSpan.FromMinutes(10));
        options.SetRefreshTokenLifetime(TimeSpan.FromHours(12));
    }

    public static SecurityTokenDescriptor Descriptor() => new SecurityTokenDescriptor
    {
        Expires = DateTime.UtcNow.AddMinutes(15),
    };

    public static JwtSecurityToken Token(SigningCredentials credentials) =>
        new JwtSecurityToken("issuer", "audience", null, DateTime.UtcNow, expires: DateTime.UtcNow.AddMinutes(5), credentials);

    public static Uri Share(BlobClient blob) => blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(30));
}
