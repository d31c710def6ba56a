using Microsoft.AspNetCore.Authentication.JwtBearer;

public static class AuthSetup
{
    public static void Jwt(JwtBearerOptions options)
    {
        options.Authority = "https://login.example.com/agents";
        options.RequireHttpsMetadata = false; // expect: AC0021
    }

    public static void Server(OpenIddictServerAspNetCoreBuilder builder, OAuthAuthorizationServerOptions legacy)
    {
        builder.DisableTransportSecurityRequirement(); // expect: AC0021
        legacy.AllowInsecureHttp = true; // expect: AC0021
    }
}
