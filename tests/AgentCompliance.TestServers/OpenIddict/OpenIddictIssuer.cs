using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCompliance.TestServers.OpenIddict;

/// <summary>
/// A real OpenIddict 7 authorization server, in process on a loopback port: discovery, JWKS, client_credentials
/// (client_secret_basic, client_secret_post, private_key_jwt), RFC 8707 resources as <c>aud</c>, RFC 8693 token
/// exchange, introspection and revocation, RSA-signed JWT access tokens kept in an in-memory EF Core store. A
/// password-grant "approval portal" client issues the human's token that agents exchange, and <c>/api/{name}</c> are
/// protected resources validating tokens with OpenIddict's validation stack. <see cref="OpenIddictIssuerSettings"/>
/// makes it hardened or weak.
/// </summary>
public sealed class OpenIddictIssuer : IAsyncDisposable
{
    public const string PortalClientId = "approval-portal";

    public const string HumanUser = "alice";

    public static readonly IReadOnlyList<string> Apis = ["research", "billing", "ops"];

    public static readonly IReadOnlyList<string> Scopes = ["tools:read", "tools:write", "reports:read", "payments:read", "payments:write", "admin"];

    private readonly LoopbackWebHost _host;
    private readonly Dictionary<string, string> _secrets;

    private OpenIddictIssuer(LoopbackWebHost host, OpenIddictIssuerSettings settings, IReadOnlyList<IssuerClient> agents, Dictionary<string, string> secrets, string agentPrivateKeyPem, string humanPassword)
    {
        _host = host;
        Settings = settings;
        Agents = agents;
        _secrets = secrets;
        AgentPrivateKeyPem = agentPrivateKeyPem;
        HumanPassword = humanPassword;
    }

    /// <summary>The issuer identifier (base URL with a trailing slash).</summary>
    public Uri Issuer => _host.BaseUrl;

    public Uri TokenEndpoint => new(Issuer, "connect/token");

    public OpenIddictIssuerSettings Settings { get; }

    /// <summary>The agent clients registered (one per agent when hardened, one shared client when weak).</summary>
    public IReadOnlyList<IssuerClient> Agents { get; }

    /// <summary>PEM of the private key the <c>private_key_jwt</c> agent signs client assertions with.</summary>
    public string AgentPrivateKeyPem { get; }

    public string HumanPassword { get; }

    /// <summary>Every secret this issuer knows (client secrets, the human's password), so tests can check none leaks.</summary>
    public IReadOnlyCollection<string> AllSecrets => [.. _secrets.Values, HumanPassword, AgentPrivateKeyPem];

    /// <summary>A protected API's URL; it is also the RFC 8707 resource indicator (and <c>aud</c>) of tokens for it.</summary>
    public Uri Api(string name) => new(Issuer, $"api/{name}");

    /// <summary>The client secret of a client that has one.</summary>
    public string Secret(string clientId) => _secrets[clientId];

    public static async Task<OpenIddictIssuer> StartAsync(OpenIddictIssuerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The issuer needs its own URL before it starts (resources are registered as absolute URLs), so the port is
        // chosen first rather than letting the host pick one.
        var port = LoopbackPort.GetFree();
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var agents = AgentClients(settings);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var client in agents.Where(c => c.Method != ClientAuthenticationMethods.PrivateKeyJwt).Append(Portal))
        {
            secrets[client.ClientId] = RandomNumberGenerator.GetHexString(40, lowercase: true);
        }

        using var agentKey = RSA.Create(2048);
        var agentPrivateKeyPem = agentKey.ExportPkcs8PrivateKeyPem();
        var agentPublicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(agentKey.ExportParameters(includePrivateParameters: false)));
        var humanPassword = RandomNumberGenerator.GetHexString(24, lowercase: true);
        var signingKey = RSA.Create(2048);
        var database = $"issuer-{Guid.NewGuid():N}";

        var host = await LoopbackWebHost.StartAsync(
            app =>
            {
                app.UseAuthentication();
                app.MapPost("/connect/token", async context =>
                    await (await TokenRequestHandler.HandleAsync(context, settings, issuer, agents, humanPassword).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false));
                app.MapGet("/api/{name}", (HttpContext context, string name) => ProtectedApiAsync(context, settings, issuer, name));
            },
            services =>
            {
                services.AddDbContext<IssuerDbContext>(options =>
                {
                    options.UseInMemoryDatabase(database);
                    options.UseOpenIddict();
                });
                services.AddOpenIddict()
                    .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IssuerDbContext>())
                    .AddServer(options => ConfigureServer(options, settings, issuer, signingKey))
                    .AddValidation(options =>
                    {
                        options.UseLocalServer();
                        options.UseAspNetCore();
                        if (settings.StoreTokens)
                        {
                            // The resource server asks the store on every request, so a revoked token stops at once.
                            options.EnableTokenEntryValidation();
                            options.EnableAuthorizationEntryValidation();
                        }
                    });
                services.AddAuthentication();
            },
            builder => builder.WebHost.UseUrls(issuer.ToString().TrimEnd('/'))).ConfigureAwait(false);

        try
        {
            await SeedAsync(host.Services, settings, issuer, agents, secrets, agentPublicKey).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new OpenIddictIssuer(host, settings, agents, secrets, agentPrivateKeyPem, humanPassword);
    }

    /// <summary>The human's access token, as the approval portal obtains it when the human signs in (password grant).</summary>
    public async Task<string> IssueHumanTokenAsync(string scope = "tools:read reports:read payments:read")
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = GrantTypes.Password,
                ["username"] = HumanUser,
                ["password"] = HumanPassword,
                ["scope"] = scope,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PortalClientId}:{Secret(PortalClientId)}")));
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the approval portal could not sign the human in: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static readonly IssuerClient Portal = new(PortalClientId, ClientAuthenticationMethods.ClientSecretBasic, Scopes, Apis);

    private static List<IssuerClient> AgentClients(OpenIddictIssuerSettings settings) => settings.SharedAgentClient
        ? [new IssuerClient("shared-agent", ClientAuthenticationMethods.ClientSecretBasic, Scopes, Apis)]
        :
        [
            new IssuerClient("research-agent", ClientAuthenticationMethods.ClientSecretBasic, ["tools:read", "reports:read"], ["research"]),
            new IssuerClient("billing-agent", ClientAuthenticationMethods.ClientSecretPost, ["payments:read"], ["billing"]),
            new IssuerClient("ops-agent", ClientAuthenticationMethods.PrivateKeyJwt, ["tools:read"], ["ops"]),
        ];

    private static void ConfigureServer(OpenIddictServerBuilder options, OpenIddictIssuerSettings settings, Uri issuer, RSA signingKey)
    {
        options.SetIssuer(issuer);
        options.SetTokenEndpointUris("connect/token").SetIntrospectionEndpointUris("connect/introspect");
        options.AllowClientCredentialsFlow().AllowPasswordFlow().AllowTokenExchangeFlow();
        options.RegisterScopes([.. Scopes]);
        options.RegisterResources([.. Apis.Select(api => new Uri(issuer, $"api/{api}").ToString())]);
        options.AddSigningKey(new RsaSecurityKey(signingKey));
        options.AddEphemeralEncryptionKey();
        options.DisableAccessTokenEncryption();
        options.SetAccessTokenLifetime(settings.AccessTokenLifetime);
        options.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
        if (settings.StoreTokens)
        {
            options.SetRevocationEndpointUris("connect/revoke");
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

    // Revoking the human's token also revokes the authorization every token delegated from it shares, so agents stop
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

    private static async Task SeedAsync(IServiceProvider services, OpenIddictIssuerSettings settings, Uri issuer, IReadOnlyList<IssuerClient> agents, Dictionary<string, string> secrets, JsonWebKey agentPublicKey)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in agents.Append(Portal))
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.ClientId,
            };
            if (client.Method == ClientAuthenticationMethods.PrivateKeyJwt)
            {
                descriptor.JsonWebKeySet = new JsonWebKeySet { Keys = { agentPublicKey } };
            }
            else
            {
                descriptor.ClientSecret = secrets[client.ClientId];
            }

            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Introspection]);
            if (settings.StoreTokens)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
            }

            descriptor.Permissions.UnionWith(client.ClientId == PortalClientId
                ? [Permissions.GrantTypes.Password]
                : [Permissions.GrantTypes.ClientCredentials, Permissions.GrantTypes.TokenExchange]);
            descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));
            descriptor.Permissions.UnionWith(client.Apis.Select(api => Permissions.Prefixes.Resource + new Uri(issuer, $"api/{api}")));
            await applications.CreateAsync(descriptor).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> ProtectedApiAsync(HttpContext context, OpenIddictIssuerSettings settings, Uri issuer, string name)
    {
        var result = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal is null)
        {
            return Results.Json(new { error = "invalid_token" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var self = new Uri(issuer, $"api/{name}").ToString();
        if (settings.BindAudienceToResource && !result.Principal.HasAudience(self))
        {
            return Results.Json(new { error = "invalid_token", error_description = "the token is not meant for this API" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return Results.Json(new { api = name, sub = result.Principal.GetClaim(Claims.Subject) });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync().ConfigureAwait(false);
}
