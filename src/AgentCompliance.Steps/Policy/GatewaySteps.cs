using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Gateway;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Steps.Audit;
using AgentCompliance.Steps.Live;
using Reqnroll;

namespace AgentCompliance.Steps.Policy;

/// <summary>
/// The agent gateway as a policy enforcement point: tools are called through it with each agent's own access token
/// (client_credentials), and it must refuse callers without a valid token (401) and calls its policy denies (403).
/// The calls a scenario makes are kept, so audit-trail steps can look for their events.
/// </summary>
[Binding]
public sealed class GatewaySteps(DeploymentContext context, GatewayCalls calls, AuditTrailAccess audit)
{
    private AgentGatewayEndpoint Gateway => context.Profile.Target.AgentGateway
        ?? throw new ControlFailedException("the profile names no agent gateway, so enforcement cannot be verified: add target.agentGateway {baseUrl: ...}");

    /// <summary>A tool call that carries no access token is refused with 401 (or 403).</summary>
    /// <example>Then the gateway refuses tool calls without a token</example>
    [Then("the gateway refuses tool calls without a token")]
    public async Task ThenCallsWithoutATokenAreRefused()
    {
        var tool = ToolUniverse.Of(context.Profile).FirstOrDefault() ?? ToolUniverse.UnregisteredTool;
        var call = await new GatewayToolProbe(context.Http, Gateway).CallAsync(null, tool, null).ConfigureAwait(false);
        if (!call.WasRefused)
        {
            throw new ControlFailedException($"the gateway answered {call.Status} to a call of tool '{tool}' that carried no access token; expected 401");
        }
    }

    /// <summary>
    /// A tool call with a well-formed access token for the first agent — right issuer, audience and expiry — but signed
    /// by a key the issuer never published is refused with 401: the gateway checks signatures against the issuer's keys.
    /// </summary>
    /// <example>Then the gateway refuses tool calls with a forged token</example>
    [Then("the gateway refuses tool calls with a forged token")]
    public async Task ThenCallsWithAForgedTokenAreRefused()
    {
        var gateway = Gateway;
        var issuer = context.Profile.Target.IdentityProvider?.Issuer
            ?? throw new ControlFailedException("the profile names no identity provider, so no token with its issuer can be forged: add target.identityProvider {issuer: ...}");
        var agent = RequireAgents()[0];
        var audience = agent.Audience ?? agent.Resource?.ToString() ?? gateway.BaseUrl.ToString();
        var forged = ForgedAccessToken.Create(issuer.OriginalString, audience, agent.ClientId);
        context.RegisterSecret(forged);
        var tool = agent.AllowedTools.FirstOrDefault() ?? ToolUniverse.Of(context.Profile).FirstOrDefault() ?? ToolUniverse.UnregisteredTool;
        var call = await new GatewayToolProbe(context.Http, gateway).CallAsync(agent.Name, tool, forged).ConfigureAwait(false);
        if (!call.WasRefused)
        {
            throw new ControlFailedException(
                $"the gateway answered {call.Status} to agent '{agent.Name}' calling tool '{tool}' with a token signed by a key its issuer never published; expected 401");
        }
    }

    /// <summary>
    /// Every agent, with its own access token, gets through to each of its allowed tools and is refused (403) every other
    /// tool the profile knows: the gateway enforces each agent's allow-list at request time.
    /// </summary>
    /// <example>Then the gateway lets every agent call exactly its allowed tools</example>
    [Then("the gateway lets every agent call exactly its allowed tools")]
    public async Task ThenEveryAgentCallsExactlyItsTools()
    {
        var gateway = Gateway;
        var universe = ToolUniverse.Of(context.Profile);
        if (universe.Count == 0)
        {
            throw new ControlFailedException("the profile names no tools (no agent has allowedTools and no MCP server has expectedTools), so allow-lists cannot be verified");
        }

        var violations = new List<string>();
        foreach (var agent in RequireAgents())
        {
            foreach (var tool in universe)
            {
                var call = await CallAsync(agent, tool).ConfigureAwait(false);
                var allowed = agent.AllowedTools.Contains(tool, StringComparer.Ordinal);
                if (allowed && !call.WasLetThrough)
                {
                    violations.Add($"agent '{agent.Name}' was refused its allowed tool '{tool}' ({call.Status})");
                }
                else if (!allowed && !call.WasForbidden)
                {
                    violations.Add($"agent '{agent.Name}' called tool '{tool}', which is not among its allowed tools, and the gateway answered {call.Status}; expected 403");
                }
            }
        }

        ControlFailedException.ThrowIfAny(violations, $"the gateway at {gateway.BaseUrl} does not enforce the agents' allowed tools");
    }

    /// <summary>Each agent with allowed tools calls the first of them through the gateway, with its own access token.</summary>
    /// <example>When each agent calls one of its allowed tools through the gateway</example>
    [When("each agent calls one of its allowed tools through the gateway")]
    public async Task WhenEachAgentCallsAnAllowedTool()
    {
        var agents = RequireAgents().Where(a => a.AllowedTools.Count > 0).ToList();
        if (agents.Count == 0)
        {
            throw new ControlFailedException("no agent in the profile has allowedTools, so there is no allowed call to make");
        }

        foreach (var agent in agents)
        {
            await CallAsync(agent, agent.AllowedTools[0]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Each agent calls a tool outside its allow-list through the gateway — another agent's tool, in another trust zone
    /// where the deployment has them — as lateral movement would.
    /// </summary>
    /// <example>When each agent calls a tool outside its allowed tools through the gateway</example>
    [When("each agent calls a tool outside its allowed tools through the gateway")]
    public async Task WhenEachAgentCallsAToolOutsideItsAllowList()
    {
        foreach (var agent in RequireAgents())
        {
            await CallAsync(agent, ToolUniverse.OutsideAllowList(context.Profile, agent)).ConfigureAwait(false);
        }
    }

    /// <summary>One agent calls one tool through the gateway with its own access token.</summary>
    /// <example>When agent "research-agent" calls tool "search_documents" through the gateway</example>
    [When("agent {string} calls tool {string} through the gateway")]
    public Task WhenTheAgentCallsTheTool(string agent, string tool) => CallAsync(context.Agent(agent), tool);

    /// <summary>The gateway refused (403) every call this scenario made.</summary>
    /// <example>Then the gateway refused each of those calls</example>
    [Then("the gateway refused each of those calls")]
    public void ThenEachCallWasRefused()
    {
        ControlFailedException.ThrowIfAny(
            [.. RequireCalls().Where(c => !c.WasForbidden).Select(c => $"the gateway answered {c.Status} to agent '{c.Agent}' calling tool '{c.Tool}'; expected 403")],
            "calls the gateway should have refused");
    }

    /// <summary>The gateway let every call this scenario made through to its tool (neither 401/403 nor a server error).</summary>
    /// <example>Then the gateway let each of those calls through</example>
    [Then("the gateway let each of those calls through")]
    public void ThenEachCallWasLetThrough()
    {
        ControlFailedException.ThrowIfAny(
            [.. RequireCalls().Where(c => !c.WasLetThrough).Select(c => $"the gateway answered {c.Status} to agent '{c.Agent}' calling tool '{c.Tool}'")],
            "calls the gateway should have let through");
    }

    private async Task<GatewayToolCall> CallAsync(AgentIdentity agent, string tool)
    {
        var gateway = Gateway;
        var token = await TokenAsync(agent).ConfigureAwait(false);

        // The trail's end before the first call: only what is written after it can be these calls' events.
        if (calls.AuditMark is null && context.Profile.Target.AuditLog is not null)
        {
            calls.AuditMark = await audit.Trail.MarkAsync().ConfigureAwait(false);
        }

        var call = await new GatewayToolProbe(context.Http, gateway).CallAsync(agent.Name, tool, token).ConfigureAwait(false);
        calls.Calls.Add(call);
        return call;
    }

    private async Task<string> TokenAsync(AgentIdentity agent)
    {
        if (calls.Tokens.TryGetValue(agent.Name, out var cached))
        {
            return cached;
        }

        TokenResponse token;
        try
        {
            token = await context.AcquireAccessTokenAsync(agent.Name).ConfigureAwait(false);
        }
        catch (TokenEndpointException e)
        {
            throw new ControlFailedException($"agent '{agent.Name}' could not obtain an access token to call the gateway with: {e.Message}", e);
        }

        context.RegisterSecret(token.AccessToken);
        calls.Tokens[agent.Name] = token.AccessToken;
        return token.AccessToken;
    }

    private IReadOnlyList<AgentIdentity> RequireAgents() =>
        context.Profile.Agents.Count > 0
            ? context.Profile.Agents
            : throw new ControlFailedException("the profile names no agents, so there is no one to call the gateway as: add them under 'agents:'");

    private List<GatewayToolCall> RequireCalls() =>
        calls.Calls.Count > 0
            ? calls.Calls
            : throw new ControlFailedException("no tool call was made through the gateway in this scenario; make one first (When each agent calls …)");
}
