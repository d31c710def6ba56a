using Microsoft.AspNetCore.Authentication.JwtBearer;

public static class AuthSetup
{
    public static void Jwt(JwtBearerOptions options)
    {
        options.Authority = "https://login.example.com/agents";
        options.RequireHttpsMetadata = true;
    }

    public static void Server(OAuthAuthorizationServerOptions legacy)
    {
        legacy.AllowInsecureHttp = false;
    }
}
