using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.ReferencePlatform.Hosting;

/// <summary>
/// How the platform's resource servers (gateway, MCP server) validate access tokens: signed by the token service's
/// published keys, its issuer, this resource as audience, type <c>at+jwt</c>, not expired — and, on every request, not
/// revoked: the token service's store is asked, so a revoked token stops at once rather than at its expiry.
/// </summary>
internal static class TokenValidation
{
    public static void Configure(JwtBearerOptions jwt, Uri issuer, Uri resource, Func<ClaimsPrincipal, CancellationToken, Task<bool>> isActive)
    {
        jwt.Authority = issuer.ToString();
        jwt.RequireHttpsMetadata = false; // the token service is reached on loopback or inside a container network
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.ToString(),
            ValidAudience = resource.ToString(),
            ValidTypes = ["at+jwt"],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                if (context.Principal is { } principal && !await isActive(principal, context.HttpContext.RequestAborted).ConfigureAwait(false))
                {
                    context.Fail("the token has been revoked");
                }
            },
        };
    }
}
