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

namespace AgentCompliance.TestServers.OpenIddict;

/// <summary>
/// The token endpoint's decisions after OpenIddict validated the request (client authentication, grant, scope and
/// resource permissions): who the subject is, which scopes and audiences the token carries, and for token exchange
/// whether the agent is named as actor.
/// </summary>
internal static class TokenRequestHandler
{
    /// <summary>RFC 8693 §4.1's actor claim (OpenIddict's <c>Claims.Actor</c> is the older "actor").</summary>
    public const string ActorClaim = "act";

    public static async Task<IResult> HandleAsync(HttpContext context, OpenIddictIssuerSettings settings, Uri issuer, IReadOnlyList<IssuerClient> agents, string humanPassword)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("no OpenIddict request");
        if (request.IsClientCredentialsGrantType())
        {
            var identity = NewIdentity(request.ClientId!);
            identity.SetScopes(settings.GrantEveryScope ? OpenIddictIssuer.Scopes : request.GetScopes());
            identity.SetResources(settings.BindAudienceToResource ? request.GetResources() : AllApis(issuer));
            return SignIn(identity);
        }

        if (request.IsPasswordGrantType())
        {
            if (request.Username != OpenIddictIssuer.HumanUser || request.Password != humanPassword)
            {
                return Refuse(Errors.InvalidGrant, "the user name or password is wrong");
            }

            var identity = NewIdentity(OpenIddictIssuer.HumanUser);
            identity.SetScopes(request.GetScopes());
            identity.SetResources(AllApis(issuer));

            // The human approves the agents that may act for them: OpenIddict lets only a token's presenters exchange it.
            identity.SetPresenters([request.ClientId!, .. agents.Select(agent => agent.ClientId)]);
            if (settings.StoreTokens)
            {
                // An authorization the human's token and every token delegated from it share, so revoking the human's
                // token can revoke them all.
                var authorizations = context.RequestServices.GetRequiredService<IOpenIddictAuthorizationManager>();
                var applications = context.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
                var portal = await applications.FindByClientIdAsync(request.ClientId!).ConfigureAwait(false);
                var authorization = await authorizations.CreateAsync(
                    identity,
                    OpenIddictIssuer.HumanUser,
                    (await applications.GetIdAsync(portal!).ConfigureAwait(false))!,
                    AuthorizationTypes.AdHoc,
                    identity.GetScopes()).ConfigureAwait(false);
                identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization).ConfigureAwait(false));
            }

            return SignIn(identity);
        }

        if (request.IsTokenExchangeGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
            if (result.Principal is not { } subject)
            {
                return Refuse(Errors.InvalidGrant, "the subject token is not valid");
            }

            return settings.DelegationAddsActor ? Delegate(request, subject) : Impersonate(request, subject);
        }

        return Refuse(Errors.UnsupportedGrantType, "grant type not supported");
    }

    // Hardened: the exchanged token names the agent as actor, keeps the human as subject, and carries only scopes and
    // audiences the human's token has and the agent asked for.
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

    // Weak: impersonation. The agent gets a token indistinguishable from the human's, with whatever it asked for on top.
    private static IResult Impersonate(OpenIddictRequest request, ClaimsPrincipal subject)
    {
        var identity = NewIdentity(subject.GetClaim(Claims.Subject)!);
        identity.SetScopes(subject.GetScopes().Union(request.GetScopes()));
        identity.SetResources(subject.GetAudiences().Union(request.GetResources()));
        return SignIn(identity);
    }

    private static ClaimsIdentity NewIdentity(string subject)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        return identity;
    }

    private static IEnumerable<string> AllApis(Uri issuer) => OpenIddictIssuer.Apis.Select(api => new Uri(issuer, $"api/{api}").ToString());

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
