using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Protocol;

namespace AgentCompliance.TestServers.Mcp;

/// <summary>
/// An MCP server built the way the specification asks, with the official C# SDK: every request needs a JWT access
/// token from a real issuer (oidc-provider) with this server as audience; unauthenticated requests get 401 with a
/// <c>resource_metadata</c> challenge and RFC 9728 metadata naming the issuer; Host and Origin are validated against
/// DNS rebinding; CORS allows only the server's own origin. Streamable HTTP at <c>/mcp</c> with sessions, and the
/// legacy SSE transport at <c>/mcp/sse</c>. Its tools can be replaced while it runs.
/// </summary>
public sealed class HardenedMcpServer : IAsyncDisposable
{
    private readonly LoopbackWebHost _host;

    private HardenedMcpServer(LoopbackWebHost host, McpTokenIssuer issuer, McpToolSet tools, Uri url)
    {
        _host = host;
        Issuer = issuer;
        Tools = tools;
        Url = url;
    }

    /// <summary>The streamable HTTP endpoint, which is also the protected resource's identifier.</summary>
    public Uri Url { get; }

    /// <summary>The legacy SSE stream URL.</summary>
    public Uri SseUrl => new(Url + "/sse");

    public McpTokenIssuer Issuer { get; }

    public McpToolSet Tools { get; }

    public static async Task<HardenedMcpServer> StartAsync(IReadOnlyList<Tool>? tools = null)
    {
        // The issuer must know the resource before it starts, so the server's port is chosen first.
        var port = LoopbackPort.GetFree();
        var origin = $"http://127.0.0.1:{port}";
        var url = new Uri($"{origin}/mcp");
        var issuer = await McpTokenIssuer.StartAsync(url).ConfigureAwait(false);
        var toolSet = new McpToolSet(tools ?? McpToolSet.Clean());
        try
        {
            var host = await LoopbackWebHost.StartAsync(
                app => Configure(app, origin),
                services => AddServices(services, issuer, url, toolSet, origin),
                builder => builder.WebHost.UseUrls(origin)).ConfigureAwait(false);
            return new HardenedMcpServer(host, issuer, toolSet, url);
        }
        catch
        {
            await issuer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void AddServices(IServiceCollection services, McpTokenIssuer issuer, Uri resource, McpToolSet tools, string origin)
    {
        services.AddHostFiltering(options =>
        {
            options.AllowedHosts = ["127.0.0.1"];
            options.AllowEmptyHosts = false;
        });
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origin)
            .WithMethods("GET", "POST", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version")));
        services.AddAuthentication(options =>
            {
                options.DefaultChallengeScheme = McpAuthenticationDefaults.AuthenticationScheme;
                options.DefaultAuthenticateScheme = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddJwtBearer(options =>
            {
                options.Authority = issuer.Issuer.ToString();
                // The test issuer is plain http on loopback; tokens themselves are still fully validated.
                options.RequireHttpsMetadata = false;
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer.Issuer.ToString().TrimEnd('/'),
                    ValidAudience = resource.ToString(),
                    ValidTypes = ["at+jwt"],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                };
            })
            .AddMcp(options => options.ResourceMetadata = new()
            {
                Resource = resource.ToString(),
                AuthorizationServers = { issuer.Issuer.ToString().TrimEnd('/') },
                ScopesSupported = [issuer.Scope],
            });
        services.AddAuthorization();
        services.AddMcpServer()
            .WithHttpTransport(options =>
            {
                options.SessionMode = HttpServerSessionMode.Stateful;
                // The legacy transport is on so the SSE client is tested against a server that requires tokens too.
#pragma warning disable MCP9004
                options.EnableLegacySse = true;
#pragma warning restore MCP9004
            })
            .WithListToolsHandler((request, _) => ValueTask.FromResult(tools.Page(request.Params?.Cursor)))
            .WithCallToolHandler((request, _) => ValueTask.FromResult(new CallToolResult
            {
                Content = [new TextContentBlock { Text = $"{request.Params?.Name} is a test tool; it does nothing." }],
            }));
    }

    private static void Configure(WebApplication app, string origin)
    {
        app.UseHostFiltering();
        // Browsers send Origin on cross-origin requests; any origin but our own is refused before anything else runs.
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Origin is [{ } requestOrigin] && !string.Equals(requestOrigin, origin, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMcp("/mcp").RequireAuthorization();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        await Issuer.DisposeAsync().ConfigureAwait(false);
    }
}
