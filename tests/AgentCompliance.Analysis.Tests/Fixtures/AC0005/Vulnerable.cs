using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

public static class AgentGatewayAuth
{
    public static void Configure(JwtBearerOptions options)
    {
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = false, // expect: AC0005
            ValidateAudience = false, // expect: AC0005
            ValidateLifetime = false, // expect: AC0005
            RequireSignedTokens = false, // expect: AC0005
            SignatureValidator = (token, parameters) => new JwtSecurityToken(token), // expect: AC0005
        };
        options.TokenValidationParameters.ValidateIssuerSigningKey = false; // expect: AC0005
    }
}
