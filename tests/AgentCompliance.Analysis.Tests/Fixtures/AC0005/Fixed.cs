using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

public static class AgentGatewayAuth
{
    public static void Configure(JwtBearerOptions options, SecurityKey signingKey)
    {
        options.Authority = "https://login.example.com/agents";
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = "https://login.example.com/agents",
            ValidateAudience = true,
            ValidAudience = "api://agent-gateway",
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKey = signingKey,
        };
    }
}
