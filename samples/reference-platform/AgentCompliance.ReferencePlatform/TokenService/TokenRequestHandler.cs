using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCompliance.ReferencePlatform.TokenService;

/// <summary>
/// The token endpoint's decisions after OpenIddict validated the request (client authentication, grant, scope and
/// resource permissions): who the subject is, which scopes and audience the token carries, and for token exchange
/// that the agent is named as actor and gets no more than the person's token allows.
/// </summary>
internal static class TokenRequestHandler
{
    /// <summary>RFC 8693 §4.1's actor claim (OpenIddict's <c>Claims.Actor</c> is the older "actor").</summary>
    public const string ActorClaim = "act";

    public static async Task<IResult> HandleAsync(HttpContext context, TokenServiceSettings settings)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("no OpenIddict request");
        var configuration = settings.Configuration;
        if (request.IsClientCredentialsGrantType())
        {
            var identity = NewIdentity(request.ClientId!);
            identity.SetScopes(configuration.GrantEveryScope ? PlatformConfiguration.Scopes : request.GetScopes());
            identity.SetResources(request.GetResources().IsDefaultOrEmpty ? [settings.Resource.ToString()] : request.GetResources());
            return SignIn(identity);
        }

        if (request.IsPasswordGrantType())
        {
            return await SignInPersonAsync(context, request, settings).ConfigureAwait(false);
        }

        if (request.IsTokenExchangeGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
            return result.Principal is { } subject
                ? Delegate(request, subject)
                : Refuse(Errors.InvalidGrant, "the subject token is not valid");
        }

        return Refuse(Errors.UnsupportedGrantType, "grant type not supported");
    }

    // The approval portal signs the approving person in; their token is what agents exchange to act for them.
    private static async Task<IResult> SignInPersonAsync(HttpContext context, OpenIddictRequest request, TokenServiceSettings settings)
    {
        if (request.Username != PlatformTokenService.HumanUser
            || !CryptographicEquals(request.Password ?? string.Empty, settings.HumanPassword))
        {
            return Refuse(Errors.InvalidGrant, "the user name or password is wrong");
        }

        var identity = NewIdentity(PlatformTokenService.HumanUser);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(settings.Resource.ToString());

        // The person approves the agents that may act for them: OpenIddict lets only a token's presenters exchange it.
        identity.SetPresenters([request.ClientId!, .. settings.Configuration.ClientIds]);
        if (settings.Configuration.Revocable)
        {
            // An authorization the person's token and every token delegated from it share, so revoking the person's
            // token revokes them all.
            var authorizations = context.RequestServices.GetRequiredService<IOpenIddictAuthorizationManager>();
            var applications = context.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
            var portal = await applications.FindByClientIdAsync(request.ClientId!).ConfigureAwait(false);
            var authorization = await authorizations.CreateAsync(
                identity,
                PlatformTokenService.HumanUser,
                (await applications.GetIdAsync(portal!).ConfigureAwait(false))!,
                AuthorizationTypes.AdHoc,
                identity.GetScopes()).ConfigureAwait(false);
            identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization).ConfigureAwait(false));
        }

        return SignIn(identity);
    }

    // The exchanged token names the agent as actor, keeps the person as subject, and carries only scopes the person's
    // token has and the agent asked for.
    private static IResult Delegate(OpenIddictRequest request, ClaimsPrincipal subject)
    {
        var scopes = request.GetScopes();
        if (scopes.IsDefaultOrEmpty)
        {
            return Refuse(Errors.InvalidScope, "name the scopes the delegated task needs");
        }

        if (scopes.Except(subject.GetScopes()).ToList() is { Count: > 0 } wider)
        {
            return Refuse(Errors.InvalidScope, $"the subject token does not grant {string.Join(", ", wider)}");
        }

        var resources = request.GetResources();
        if (resources.IsDefaultOrEmpty || resources.Any(resource => !subject.HasAudience(resource)))
        {
            return Refuse(Errors.InvalidTarget, "the delegated token must be meant for one of the subject token's audiences");
        }

        var identity = NewIdentity(subject.GetClaim(Claims.Subject)!);
        identity.SetClaim(ActorClaim, new JsonObject { [Claims.Subject] = request.ClientId });
        identity.SetScopes(scopes);
        identity.SetResources(resources);
        identity.SetAuthorizationId(subject.GetAuthorizationId());
        return SignIn(identity);
    }

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private static ClaimsIdentity NewIdentity(string subject)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        return identity;
    }

    private static IResult SignIn(ClaimsIdentity identity)
    {
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
