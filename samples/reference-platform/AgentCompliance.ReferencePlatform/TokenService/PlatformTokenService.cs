using System.Security.Claims;
using System.Security.Cryptography;
using AgentCompliance.ReferencePlatform.Hosting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCompliance.ReferencePlatform.TokenService;

/// <summary>
/// The platform's OAuth authorization server, OpenIddict 7 in process: discovery, JWKS, client_credentials
/// (client_secret_basic and client_secret_post), RFC 8707 resource → <c>aud</c>, RFC 8693 token exchange with <c>act</c>,
/// introspection and — when the configuration is revocable — revocation, with RSA-signed JWT access tokens kept in an
/// in-memory store. An approval-portal client signs the approving person in (password grant) to obtain the token the
/// agents exchange.
/// </summary>
internal sealed class PlatformTokenService : IAsyncDisposable
{
    public const string PortalClientId = "approval-portal";

    public const string HumanUser = "alice.approver";

    // OpenIddict's private claims naming the stored token and authorization an access token belongs to.
    private const string TokenIdClaim = "oi_tkn_id";
    private const string AuthorizationIdClaim = "oi_au_id";

    private readonly PlatformWebHost _host;

    private PlatformTokenService(PlatformWebHost host)
    {
        _host = host;
    }

    public static async Task<PlatformTokenService> StartAsync(TokenServiceSettings settings, int port, CancellationToken cancellationToken)
    {
        var signingKey = RSA.Create(2048);
        var database = $"platform-{Guid.NewGuid():N}";
        var host = await PlatformWebHost.StartAsync(
            settings.BindAddress,
            port,
            services =>
            {
                services.AddDbContext<TokenServiceDbContext>(options =>
                {
                    options.UseInMemoryDatabase(database);
                    options.UseOpenIddict();
                });
                services.AddOpenIddict()
                    .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<TokenServiceDbContext>())
                    .AddServer(options => ConfigureServer(options, settings, signingKey));
            },
            app => app.MapPost("/connect/token", async context =>
                await (await TokenRequestHandler.HandleAsync(context, settings).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false)),
            cancellationToken,
            services => SeedAsync(services, settings)).ConfigureAwait(false);
        return new PlatformTokenService(host);
    }

    /// <summary>
    /// Whether the stored token and authorization an access token names are still valid. Resource servers ask on every
    /// request, so revoking a token (or the person's token a delegated one came from) stops it at once. Tokens that name
    /// no stored entry (a configuration without storage) cannot be revoked, and count as active.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        if (principal.FindFirst(TokenIdClaim)?.Value is { } tokenId)
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            if (await tokens.FindByIdAsync(tokenId, cancellationToken).ConfigureAwait(false) is not { } token
                || !await tokens.HasStatusAsync(token, Statuses.Valid, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        if (principal.FindFirst(AuthorizationIdClaim)?.Value is { } authorizationId)
        {
            var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
            if (await authorizations.FindByIdAsync(authorizationId, cancellationToken).ConfigureAwait(false) is not { } authorization
                || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static void ConfigureServer(OpenIddictServerBuilder options, TokenServiceSettings settings, RSA signingKey)
    {
        var configuration = settings.Configuration;
        options.SetIssuer(settings.Issuer);
        options.SetTokenEndpointUris("connect/token").SetIntrospectionEndpointUris("connect/introspect");
        options.AllowClientCredentialsFlow().AllowPasswordFlow().AllowTokenExchangeFlow();
        options.RegisterScopes([.. PlatformConfiguration.Scopes]);
        options.RegisterResources(settings.Resource.ToString());
        options.AddSigningKey(new RsaSecurityKey(signingKey));
        options.AddEphemeralEncryptionKey();
        options.DisableAccessTokenEncryption();
        options.SetAccessTokenLifetime(configuration.AccessTokenLifetime);

        // Plain http is allowed because the platform is reached on loopback (or inside a container network).
        options.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
        if (configuration.Revocable)
        {
            options.SetRevocationEndpointUris("connect/revocation");
            options.AddEventHandler<OpenIddictServerEvents.HandleRevocationRequestContext>(handler => handler
                .UseInlineHandler(RevokeDelegatedTokensAsync)
                .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 1));
        }
        else
        {
            // Without a store nothing can be revoked; OpenIddict then offers no revocation endpoint at all.
            options.DisableTokenStorage();
        }
    }

    // Revoking the person's token also revokes the authorization every token delegated from it shares, so agents stop
    // acting for a person the moment that person's token is withdrawn. A delegated (act) token revokes only itself.
    private static async ValueTask RevokeDelegatedTokensAsync(OpenIddictServerEvents.HandleRevocationRequestContext context)
    {
        var principal = context.GenericTokenPrincipal;
        if (principal is null || principal.HasClaim(claim => claim.Type == TokenRequestHandler.ActorClaim) || principal.GetAuthorizationId() is not { } id)
        {
            return;
        }

        var manager = context.Transaction.GetHttpRequest()!.HttpContext.RequestServices.GetRequiredService<IOpenIddictAuthorizationManager>();
        if (await manager.FindByIdAsync(id).ConfigureAwait(false) is { } authorization)
        {
            await manager.TryRevokeAsync(authorization).ConfigureAwait(false);
        }
    }

    // Before the host listens: a client asking for a token as soon as discovery answers must find its registration.
    private static async Task SeedAsync(IServiceProvider services, TokenServiceSettings settings)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in settings.Clients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.Secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.ClientId,
            };
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Introspection]);
            if (settings.Configuration.Revocable)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
            }

            descriptor.Permissions.UnionWith(client.IsPortal
                ? [Permissions.GrantTypes.Password]
                : [Permissions.GrantTypes.ClientCredentials, Permissions.GrantTypes.TokenExchange]);
            descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));
            descriptor.Permissions.Add(Permissions.Prefixes.Resource + settings.Resource);
            await applications.CreateAsync(descriptor).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
