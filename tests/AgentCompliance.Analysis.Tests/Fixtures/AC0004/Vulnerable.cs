using System.IdentityModel.Tokens.Jwt;
using Duende.IdentityServer.Models;
using Microsoft.IdentityModel.Tokens;

public static class AgentClients
{
    public static Client Build() => new Client
    {
        ClientId = "billing-agent",
        AccessTokenLifetime = 86400, // expect: AC0004
        AbsoluteRefreshTokenLifetime = 60 * 60 * 24 * 90, // expect: AC0004
    };

    public static void Configure(OpenIddictServerBuilder options)
    {
        options.SetAccessTokenLifetime(TimeSpan.FromDays(30)); // expect: AC0004
        options.SetRefreshTokenLifetime(TimeSpan.MaxValue); // expect: AC0004
    }

    public static SecurityTokenDescriptor Descriptor() => new SecurityTokenDescriptor
    {
        Expires = DateTime.UtcNow.AddDays(7), // expect: AC0004
    };

    public static JwtSecurityToken Token(SigningCredentials credentials) =>
        new JwtSecurityToken("issuer", "audience", null, DateTime.UtcNow, expires: DateTime.UtcNow.AddHours(12), credentials); // expect: AC0004

    public static Uri Share(BlobClient blob) => blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(1)); // expect: AC0004
}
