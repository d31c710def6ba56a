using System.Security.Claims;
using AgentCompliance.ReferencePlatform.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Protocol;

namespace AgentCompliance.ReferencePlatform.Mcp;

/// <summary>
/// The platform's MCP tool server, built with the official C# SDK (streamable HTTP at <c>/mcp</c>, legacy SSE at
/// <c>/mcp/sse</c>). When the configuration requires it, every request needs an access token for this resource:
/// unauthenticated requests get 401 with a <c>resource_metadata</c> challenge and RFC 9728 metadata naming the token
/// service. Host and Origin are validated against DNS rebinding and CORS allows only the server's own origin.
/// </summary>
internal sealed class PlatformMcpServer : IAsyncDisposable
{
    private readonly PlatformWebHost _host;

    private PlatformMcpServer(PlatformWebHost host)
    {
        _host = host;
    }

    public static async Task<PlatformMcpServer> StartAsync(
        string bindAddress, int port, string publicHost, Uri issuer, Uri resource, PlatformConfiguration configuration,
        Func<ClaimsPrincipal, CancellationToken, Task<bool>> isActive, CancellationToken cancellationToken)
    {
        var origin = $"http://{publicHost}:{port}";
        var host = await PlatformWebHost.StartAsync(
            bindAddress,
            port,
            services => AddServices(services, publicHost, origin, issuer, resource, configuration, isActive),
            app => Configure(app, origin, configuration),
            cancellationToken).ConfigureAwait(false);
        return new PlatformMcpServer(host);
    }

    private static void AddServices(IServiceCollection services, string publicHost, string origin, Uri issuer, Uri resource, PlatformConfiguration configuration, Func<ClaimsPrincipal, CancellationToken, Task<bool>> isActive)
    {
        services.AddHostFiltering(options =>
        {
            options.AllowedHosts = [publicHost];
            options.AllowEmptyHosts = false;
        });
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origin)
            .WithMethods("GET", "POST", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version")));
        if (configuration.McpRequiresAuthentication)
        {
            services.AddAuthentication(options =>
                {
                    options.DefaultChallengeScheme = McpAuthenticationDefaults.AuthenticationScheme;
                    options.DefaultAuthenticateScheme = JwtBearerDefaults.AuthenticationScheme;
                })
                .AddJwtBearer(jwt => TokenValidation.Configure(jwt, issuer, resource, isActive))
                .AddMcp(options => options.ResourceMetadata = new()
                {
                    Resource = resource.ToString(),
                    AuthorizationServers = { issuer.ToString() },
                    ScopesSupported = [.. PlatformConfiguration.Scopes.Where(s => s != "admin")],
                });
            services.AddAuthorization();
        }

        services.AddMcpServer()
            .WithHttpTransport(options =>
            {
                options.SessionMode = HttpServerSessionMode.Stateful;
#pragma warning disable MCP9004 // the legacy SSE transport, for clients that still use it
                options.EnableLegacySse = true;
#pragma warning restore MCP9004
            })
            .WithListToolsHandler((_, _) => ValueTask.FromResult(new ListToolsResult { Tools = [.. PlatformTools.All] }))
            .WithCallToolHandler((request, _) => ValueTask.FromResult(CallTool(request.Params?.Name)));
    }

    // The tools answer with a fixed text: the platform shows the controls around tool calls, not a business.
    private static CallToolResult CallTool(string? name) => PlatformTools.Names.Contains(name)
        ? new CallToolResult { Content = [new TextContentBlock { Text = $"{name} done (reference platform)" }] }
        : new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"unknown tool '{name}'" }] };

    private static void Configure(WebApplication app, string origin, PlatformConfiguration configuration)
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
        if (configuration.McpRequiresAuthentication)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapMcp("/mcp").RequireAuthorization();
        }
        else
        {
            app.MapMcp("/mcp");
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
