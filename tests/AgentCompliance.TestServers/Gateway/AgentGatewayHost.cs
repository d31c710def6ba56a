using System.Text.Json.Nodes;
using AgentCompliance.ReferencePlatform.Gateway;
using AgentCompliance.ReferencePlatform.Policy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.TestServers.Gateway;

/// <summary>
/// A small agent gateway: every <c>POST /tools/{tool}</c> must carry a JWT access token from the issuer (validated
/// against its JWKS, audience = this gateway), is decided at request time by Cerbos, and is audited as JSON lines — the
/// tool call, and for an allowed call the data access and downstream call it causes — to a file also served at
/// <c>GET /audit/events</c>. How faithfully it does this is set by <see cref="AgentGatewayOptions"/>.
/// </summary>
public sealed class AgentGatewayHost : IAsyncDisposable
{
    private readonly LoopbackWebHost _host;

    private AgentGatewayHost(LoopbackWebHost host, AgentGatewayOptions options, AuditTrail audit)
    {
        _host = host;
        Options = options;
        AuditLog = audit;
    }

    public AgentGatewayOptions Options { get; }

    public AuditTrail AuditLog { get; }

    public Uri BaseUrl => _host.BaseUrl;

    public Uri AuditEventsUrl => new(_host.BaseUrl, "audit/events");

    public static async Task<AgentGatewayHost> StartAsync(AgentGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var audit = new AuditTrail(options.AuditFile);
        var pdp = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        IToolCallDecider? decider = options.PolicyDecisionPoint is { } url ? new CerbosDecider(pdp, url) : null;
        var host = await LoopbackWebHost.StartAsync(
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapPost("/tools/{tool}", (HttpContext context, string tool) => CallToolAsync(context, tool, options, audit, decider)).RequireAuthorization();
                app.MapGet("/audit/events", () => Results.Text(audit.ReadAll(), "application/x-ndjson"));
            },
            services =>
            {
                services.AddAuthorization();
                services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
                {
                    jwt.Authority = options.Issuer;
                    jwt.RequireHttpsMetadata = false; // loopback only
                    jwt.MapInboundClaims = false;
                    jwt.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = options.Issuer,
                        ValidAudience = options.BaseUrl.ToString(),
                        ValidTypes = ["at+jwt"],
                        ClockSkew = TimeSpan.FromSeconds(30),
                    };
                });
            },
            builder => builder.WebHost.UseUrls(options.BaseUrl.ToString().TrimEnd('/'))).ConfigureAwait(false);
        return new AgentGatewayHost(host, options, audit);
    }

    private static async Task<IResult> CallToolAsync(HttpContext context, string tool, AgentGatewayOptions options, AuditTrail audit, IToolCallDecider? decider)
    {
        var agent = context.User.FindFirst("client_id")?.Value ?? context.User.FindFirst("sub")?.Value ?? "unknown";
        var correlationId = options.UsesCorrelationIds ? Guid.NewGuid().ToString("N") : null;
        if (correlationId is not null)
        {
            context.Response.Headers["X-Correlation-Id"] = correlationId;
        }

        JsonObject Event(string eventType, string action, string resource, string decision, string? reason = null)
        {
            var e = new JsonObject
            {
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
                ["eventType"] = eventType,
                ["agent"] = agent,
                ["tool"] = tool,
                ["action"] = action,
                ["resource"] = resource,
                ["decision"] = decision,
            };
            if (reason is not null)
            {
                e["reason"] = reason;
            }

            if (correlationId is not null)
            {
                e["correlationId"] = correlationId;
            }

            if (options.LogsBearerToken)
            {
                e["authorization"] = context.Request.Headers.Authorization.ToString();
            }

            return e;
        }

        var zone = options.Tools.TryGetValue(tool, out var known) ? known : null;
        var (allowed, reason) = decider is null
            ? (true, "no policy decision point is asked")
            : await decider.DecideAsync(agent, tool, context.RequestAborted).ConfigureAwait(false);
        if (!allowed)
        {
            if (options.AuditsDenials)
            {
                audit.Append(Event("tool_call", "invoke", $"tool:{tool}", "deny", zone is null ? $"{reason}; tool '{tool}' is unknown" : $"{reason}; tool '{tool}' lives in trust zone '{zone}'"));
            }

            return Results.Json(new { error = "forbidden", reason }, statusCode: StatusCodes.Status403Forbidden);
        }

        if (zone is null)
        {
            return Results.Json(new { error = "unknown tool" }, statusCode: StatusCodes.Status404NotFound);
        }

        audit.Append(Event("tool_call", "invoke", $"tool:{tool}", "allow"));
        audit.Append(Event("data_access", "read", $"datastore:{zone}/{tool}", "allow"));
        audit.Append(Event("downstream_call", "POST", $"service:{zone}-backend/{tool}", "allow"));
        return Results.Json(new { tool, result = "ok", correlationId });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
