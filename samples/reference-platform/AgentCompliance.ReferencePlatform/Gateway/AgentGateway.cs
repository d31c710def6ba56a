using System.Security.Claims;
using System.Text.Json.Nodes;
using AgentCompliance.ReferencePlatform.Hosting;
using AgentCompliance.ReferencePlatform.Policy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCompliance.ReferencePlatform.Gateway;

/// <summary>
/// The agent gateway, the policy enforcement point in front of the tools: every <c>POST /tools/{tool}</c> must carry a
/// valid access token for the tools' resource, is decided at request time by the policy decision point, and is audited
/// as JSON lines — the tool call, and for an allowed call the data access and downstream call it causes, sharing one
/// correlation id — to a file also served at <c>GET /audit/events</c>. When no Cerbos is configured it also serves its
/// policy file through Cerbos' decision API at <c>/pdp/</c>.
/// </summary>
internal sealed class AgentGateway : IAsyncDisposable
{
    /// <summary>The tools the gateway fronts, and the trust zone each lives in.</summary>
    public static readonly IReadOnlyDictionary<string, string> ToolZones = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["search_documents"] = "knowledge",
        ["create_ticket"] = "support",
        ["issue_refund"] = "payments",
    };

    private readonly PlatformWebHost _host;
    private readonly HttpClient _pdp;

    private AgentGateway(PlatformWebHost host, HttpClient pdp)
    {
        _host = host;
        _pdp = pdp;
    }

    public static async Task<AgentGateway> StartAsync(
        string bindAddress, int port, Uri issuer, Uri resource, PlatformConfiguration configuration, AuditTrail audit,
        Func<ClaimsPrincipal, CancellationToken, Task<bool>> isActive, CancellationToken cancellationToken)
    {
        var policy = ToolPolicy.Load(configuration.PolicyFile);
        var pdp = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        IToolCallDecider decider = configuration.CerbosUrl is { } cerbos ? new CerbosDecider(pdp, cerbos) : new PolicyFileDecider(policy);
        try
        {
            var host = await PlatformWebHost.StartAsync(
                bindAddress,
                port,
                services =>
                {
                    services.AddAuthorization();
                    services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                        .AddJwtBearer(jwt => TokenValidation.Configure(jwt, issuer, resource, isActive));
                },
                app =>
                {
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.MapPost("/tools/{tool}", (HttpContext context, string tool) => CallToolAsync(context, tool, configuration, audit, decider)).RequireAuthorization();
                    app.MapGet("/audit/events", () => Results.Text(audit.ReadAll(), "application/x-ndjson"));
                    if (configuration.CerbosUrl is null)
                    {
                        app.MapPost("/pdp/api/check/resources", (Delegate)((HttpContext context) => CheckResourcesEndpoint.HandleAsync(context, policy)));
                    }
                },
                cancellationToken).ConfigureAwait(false);
            return new AgentGateway(host, pdp);
        }
        catch
        {
            pdp.Dispose();
            throw;
        }
    }

    private static async Task<IResult> CallToolAsync(HttpContext context, string tool, PlatformConfiguration configuration, AuditTrail audit, IToolCallDecider decider)
    {
        // A delegated token's subject is the person; the agent presenting it is its client.
        var agent = context.User.FindFirst("client_id")?.Value ?? context.User.FindFirst("sub")?.Value ?? "unknown";
        var correlationId = Guid.NewGuid().ToString("N");
        context.Response.Headers["X-Correlation-Id"] = correlationId;

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
                ["correlationId"] = correlationId,
            };
            if (reason is not null)
            {
                e["reason"] = reason;
            }

            return e;
        }

        var zone = ToolZones.TryGetValue(tool, out var known) ? known : null;
        var (allowed, reason) = await decider.DecideAsync(agent, tool, context.RequestAborted).ConfigureAwait(false);
        if (!allowed)
        {
            if (configuration.AuditsDenials)
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

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        _pdp.Dispose();
    }
}
