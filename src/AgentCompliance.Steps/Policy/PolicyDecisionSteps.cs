using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Policy;
using AgentCompliance.Steps.Live;
using Reqnroll;

namespace AgentCompliance.Steps.Policy;

/// <summary>
/// Request-time policy, asked directly at the policy decision point the way the gateway asks it: default deny, each
/// agent's tool allow-list, and a decision that changes when a sensitive action changes the request's attributes.
/// Agents are principals identified by their client id, with the profile's principal roles; tools are resources of the
/// profile's resource kind.
/// </summary>
[Binding]
public sealed class PolicyDecisionSteps(DeploymentContext context)
{
    /// <summary>A principal no deployment has.</summary>
    public const string UnregisteredPrincipal = "agentcompliance-unregistered-agent";

    /// <summary>An action no policy grants.</summary>
    public const string UnregisteredAction = "agentcompliance-unregistered-action";

    private PolicyDecisionPointEndpoint Endpoint => context.Profile.Target.PolicyDecisionPoint
        ?? throw new ControlFailedException("the profile names no policy decision point, so request-time decisions cannot be verified: add target.policyDecisionPoint {kind: cerbos, url: ...}");

    /// <summary>
    /// A principal the profile does not know is denied every tool, and each agent is denied a tool that does not exist
    /// and an action no policy grants: nothing is allowed unless a rule says so.
    /// </summary>
    /// <example>Then the policy decision point denies unknown agents, tools and actions</example>
    [Then("the policy decision point denies unknown agents, tools and actions")]
    public async Task ThenUnknownAgentsToolsAndActionsAreDenied()
    {
        var endpoint = Endpoint;
        var pdp = PolicyDecisionPoints.For(endpoint, context.Http);
        var tools = ToolUniverse.Of(context.Profile).Append(ToolUniverse.UnregisteredTool).ToList();
        var violations = new List<string>();

        var stranger = new PolicyPrincipal(UnregisteredPrincipal, endpoint.PrincipalRoles);
        foreach (var decision in (await pdp.CheckAsync(stranger, endpoint.Action, [.. tools.Select(Tool)]).ConfigureAwait(false)).Where(d => d.IsAllowed))
        {
            violations.Add($"the unknown principal '{UnregisteredPrincipal}' (roles: {string.Join(", ", endpoint.PrincipalRoles)}) is allowed to {endpoint.Action} tool '{decision.Resource.Id}'");
        }

        foreach (var agent in context.Profile.Agents)
        {
            var principal = Principal(agent, endpoint);
            if ((await pdp.CheckAsync(principal, endpoint.Action, [Tool(ToolUniverse.UnregisteredTool)]).ConfigureAwait(false))[0].IsAllowed)
            {
                violations.Add($"agent '{agent.Name}' is allowed to {endpoint.Action} the unknown tool '{ToolUniverse.UnregisteredTool}'");
            }

            if (agent.AllowedTools.FirstOrDefault() is { } tool
                && (await pdp.CheckAsync(principal, UnregisteredAction, [Tool(tool)]).ConfigureAwait(false))[0].IsAllowed)
            {
                violations.Add($"agent '{agent.Name}' is allowed the unknown action '{UnregisteredAction}' on tool '{tool}'");
            }
        }

        context.Note("default deny", $"asked for {tools.Count} tool(s) as the unknown principal, and for an unknown tool and action as each of {context.Profile.Agents.Count} agent(s)");
        ControlFailedException.ThrowIfAny(violations, $"the policy decision point at {endpoint.Url} does not deny by default");
    }

    /// <summary>
    /// Each agent in the profile is allowed exactly the tools in its <c>allowedTools</c> and denied every other tool the
    /// profile knows (its MCP servers' expected tools and the other agents' tools).
    /// </summary>
    /// <example>Then the policy decision point allows every agent exactly its allowed tools</example>
    [Then("the policy decision point allows every agent exactly its allowed tools")]
    public Task ThenEveryAgentIsAllowedExactlyItsTools() => CheckAllowListsAsync(RequireAgents());

    /// <summary>One agent is allowed exactly the tools in its <c>allowedTools</c> and denied every other tool the profile knows.</summary>
    /// <example>Then the policy decision point allows agent "research-agent" exactly its allowed tools</example>
    [Then("the policy decision point allows agent {string} exactly its allowed tools")]
    public Task ThenTheAgentIsAllowedExactlyItsTools(string agent) => CheckAllowListsAsync([context.Agent(agent)]);

    /// <summary>
    /// Every agent is allowed each of its tools before a sensitive action and denied them after it, when the attribute
    /// named by <c>target.policyDecisionPoint.sensitiveActionAttribute</c> (default: principal attribute
    /// <c>sensitiveActionPerformed</c>, false → true) changes: the decision is re-evaluated, not cached.
    /// </summary>
    /// <example>Then the policy decision point denies every agent its allowed tools after a sensitive action</example>
    [Then("the policy decision point denies every agent its allowed tools after a sensitive action")]
    public Task ThenToolsAreDeniedAfterASensitiveAction()
    {
        var attribute = Endpoint.SensitiveActionAttribute;
        return CheckReevaluationAsync(
            [.. RequireAgents().SelectMany(a => a.AllowedTools.Select(t => (a, t)))],
            attribute.Of,
            attribute.Name,
            JsonSerializer.SerializeToElement(attribute.Before),
            JsonSerializer.SerializeToElement(attribute.After));
    }

    /// <summary>
    /// One agent is allowed one tool while the attribute has its first value and denied it once the attribute has the
    /// second. Values are JSON scalars: <c>true</c>, <c>90</c> or <c>"expired"</c>.
    /// </summary>
    /// <example>Then the policy decision point denies agent "research-agent" tool "search_documents" after principal attribute "riskScore" changes from 10 to 90</example>
    [Then(@"^the policy decision point denies agent ""([^""]+)"" tool ""([^""]+)"" after (principal|resource) attribute ""([^""]+)"" changes from (true|false|-?[0-9]+(?:\.[0-9]+)?|""[^""]*"") to (true|false|-?[0-9]+(?:\.[0-9]+)?|""[^""]*"")$")]
    public Task ThenTheToolIsDeniedAfterTheAttributeChanges(string agent, string tool, string holder, string attribute, string before, string after) =>
        CheckReevaluationAsync(
            [(context.Agent(agent), tool)],
            holder == "principal" ? AttributeHolder.Principal : AttributeHolder.Resource,
            attribute,
            JsonDocument.Parse(before).RootElement.Clone(),
            JsonDocument.Parse(after).RootElement.Clone());

    private async Task CheckAllowListsAsync(IReadOnlyList<AgentIdentity> agents)
    {
        var endpoint = Endpoint;
        var pdp = PolicyDecisionPoints.For(endpoint, context.Http);
        var universe = ToolUniverse.Of(context.Profile);
        if (universe.Count == 0)
        {
            throw new ControlFailedException("the profile names no tools (no agent has allowedTools and no MCP server has expectedTools), so allow-lists cannot be verified");
        }

        var violations = new List<string>();
        var table = new StringBuilder();
        foreach (var agent in agents)
        {
            var decisions = await pdp.CheckAsync(Principal(agent, endpoint), endpoint.Action, [.. universe.Select(Tool)]).ConfigureAwait(false);
            foreach (var decision in decisions)
            {
                var expected = agent.AllowedTools.Contains(decision.Resource.Id, StringComparer.Ordinal);
                table.AppendLine(CultureInfo.InvariantCulture, $"{agent.Name} → {decision.Resource.Id}: {(decision.IsAllowed ? "allow" : "deny")} (expected {(expected ? "allow" : "deny")})");
                if (decision.IsAllowed && !expected)
                {
                    violations.Add($"agent '{agent.Name}' is allowed tool '{decision.Resource.Id}', which is not among its allowed tools ({Describe(agent.AllowedTools)})");
                }
                else if (!decision.IsAllowed && expected)
                {
                    violations.Add($"agent '{agent.Name}' is denied its allowed tool '{decision.Resource.Id}'");
                }
            }
        }

        context.Note("decisions per agent and tool", table.ToString());
        ControlFailedException.ThrowIfAny(violations, $"decisions of the policy decision point at {endpoint.Url} that differ from the agents' allowed tools");
    }

    private async Task CheckReevaluationAsync(IReadOnlyList<(AgentIdentity Agent, string Tool)> checks, AttributeHolder holder, string attribute, JsonElement before, JsonElement after)
    {
        if (checks.Count == 0)
        {
            throw new ControlFailedException("no agent in the profile has allowedTools, so there is no allowed call whose re-evaluation could be verified");
        }

        var endpoint = Endpoint;
        var pdp = PolicyDecisionPoints.For(endpoint, context.Http);
        var change = $"{holder.ToString().ToLowerInvariant()} attribute {attribute} changed from {before.GetRawText()} to {after.GetRawText()}";
        var violations = new List<string>();
        foreach (var (agent, tool) in checks)
        {
            var allowedBefore = await DecideAsync(pdp, endpoint, agent, tool, holder, attribute, before).ConfigureAwait(false);
            var allowedAfter = await DecideAsync(pdp, endpoint, agent, tool, holder, attribute, after).ConfigureAwait(false);
            if (!allowedBefore)
            {
                violations.Add($"agent '{agent.Name}' is denied tool '{tool}' even before the sensitive action ({attribute} = {before.GetRawText()}), so re-evaluation cannot be shown");
            }
            else if (allowedAfter)
            {
                violations.Add($"agent '{agent.Name}' is still allowed tool '{tool}' after the {change}: the decision is not re-evaluated after a sensitive action");
            }
        }

        ControlFailedException.ThrowIfAny(violations, $"the policy decision point at {endpoint.Url} does not withdraw access after a sensitive action");
    }

    private static async Task<bool> DecideAsync(IPolicyDecisionPoint pdp, PolicyDecisionPointEndpoint endpoint, AgentIdentity agent, string tool, AttributeHolder holder, string attribute, JsonElement value)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [attribute] = value };
        var principal = Principal(agent, endpoint);
        var resource = Tool(tool, endpoint);
        if (holder == AttributeHolder.Principal)
        {
            principal = principal with { Attributes = attributes };
        }
        else
        {
            resource = resource with { Attributes = attributes };
        }

        return (await pdp.CheckAsync(principal, endpoint.Action, [resource]).ConfigureAwait(false))[0].IsAllowed;
    }

    private IReadOnlyList<AgentIdentity> RequireAgents() =>
        context.Profile.Agents.Count > 0
            ? context.Profile.Agents
            : throw new ControlFailedException("the profile names no agents, so there is no allow-list to verify: add them under 'agents:' with their allowedTools");

    private static PolicyPrincipal Principal(AgentIdentity agent, PolicyDecisionPointEndpoint endpoint) => new(agent.ClientId, endpoint.PrincipalRoles);

    private PolicyResource Tool(string tool) => Tool(tool, Endpoint);

    private static PolicyResource Tool(string tool, PolicyDecisionPointEndpoint endpoint) => new(endpoint.ResourceKind, tool);

    private static string Describe(IReadOnlyList<string> tools) => tools.Count == 0 ? "none" : string.Join(", ", tools);
}
