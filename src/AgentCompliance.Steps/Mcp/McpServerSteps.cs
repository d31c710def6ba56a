using AgentCompliance.Probes.Mcp;
using Reqnroll;

namespace AgentCompliance.Steps.Mcp;

/// <summary>
/// Controls on the MCP tool servers named under <c>target.mcpServers</c>: authentication and its discovery metadata,
/// DNS-rebinding and CORS exposure, session termination, the tool inventory against its allow-list, and poisoned tool
/// definitions. Each step
/// checks every server; a server that cannot be probed fails the control with the reason.
/// </summary>
[Binding]
public sealed class McpServerSteps(McpServerContext context)
{
    /// <summary>Names the MCP servers the following steps check (the profile's <c>target.mcpServers</c>); none is an error.</summary>
    /// <example>Given the target's MCP servers</example>
    [Given("the target's MCP servers")]
    public void GivenTheTargetsMcpServers()
    {
        var servers = context.Servers;
        context.Deployment.Note("MCP servers", string.Join(Environment.NewLine, servers.Select(s =>
            $"{s.Name}: {s.Url} ({s.Transport}){(s.Agent is null ? ", probed without a token" : $", probed as agent '{s.Agent}'")}")));
    }

    /// <summary>
    /// A request without a token and one with a forged token are both refused with 401 and a
    /// <c>WWW-Authenticate: Bearer</c> challenge carrying <c>resource_metadata</c> (MCP authorization, RFC 9728 §5.1).
    /// </summary>
    /// <example>Then every MCP server requires authentication</example>
    [Then("every MCP server requires authentication")]
    public async Task ThenEveryMcpServerRequiresAuthentication()
    {
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            var result = await AuthenticationRequiredProbe.ProbeAsync(context.Deployment.Http, await context.TargetAsync(server)).ConfigureAwait(false);
            return Noted(server.Name, "authentication", result);
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP servers that do not require authentication");
    }

    /// <summary>
    /// The server publishes RFC 9728 protected-resource metadata (where its challenge points, or at the well-known
    /// path) that names the server itself as resource and at least one authorization server — the profile's
    /// <c>identityProvider.issuer</c> when it has one.
    /// </summary>
    /// <example>Then every MCP server publishes protected-resource metadata naming its authorization server</example>
    [Then("every MCP server publishes protected-resource metadata naming its authorization server")]
    public async Task ThenEveryMcpServerPublishesProtectedResourceMetadata()
    {
        var issuer = context.Deployment.Profile.Target.IdentityProvider?.Issuer;
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            var result = await ProtectedResourceMetadataProbe.ProbeAsync(context.Deployment.Http, await context.TargetAsync(server), issuer).ConfigureAwait(false);
            return Noted(server.Name, "protected-resource metadata", result);
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP servers without usable protected-resource metadata");
    }

    /// <summary>
    /// Requests carrying a foreign <c>Origin</c> or a foreign <c>Host</c> (what a DNS-rebinding page makes a browser
    /// send) are refused with a 4xx status, while the same request without them is accepted.
    /// </summary>
    /// <example>Then every MCP server refuses requests with a foreign Origin or Host</example>
    [Then("every MCP server refuses requests with a foreign Origin or Host")]
    public async Task ThenEveryMcpServerRefusesForeignOriginOrHost()
    {
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            var result = await DnsRebindingProbe.ProbeAsync(context.Deployment.Http, await context.TargetAsync(server)).ConfigureAwait(false);
            return Noted(server.Name, "Origin and Host validation", result);
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP servers open to DNS rebinding (foreign Origin or Host accepted)");
    }

    /// <summary>
    /// Neither a CORS preflight nor the handshake from a foreign origin is answered with
    /// <c>Access-Control-Allow-Origin: *</c>, <c>null</c> or the foreign origin reflected back (worse with credentials).
    /// </summary>
    /// <example>Then no MCP server lets any web origin read its responses</example>
    [Then("no MCP server lets any web origin read its responses")]
    public async Task ThenNoMcpServerAllowsAnyOrigin()
    {
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            var result = await CorsPolicyProbe.ProbeAsync(context.Deployment.Http, await context.TargetAsync(server)).ConfigureAwait(false);
            return Noted(server.Name, "CORS", result);
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP servers whose CORS policy lets any web page read their responses");
    }

    /// <summary>
    /// Sessions end when the client ends them and cannot be taken over: on streamable HTTP a session id the server
    /// never issued is refused, DELETE ends the session and the ended id is refused afterwards; on legacy SSE the
    /// message endpoint of a closed stream's session is refused.
    /// </summary>
    /// <example>Then every MCP server ends sessions when the client ends them</example>
    [Then("every MCP server ends sessions when the client ends them")]
    public async Task ThenEveryMcpServerEndsSessions()
    {
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            var result = await SessionTerminationProbe.ProbeAsync(context.Deployment.Http, await context.TargetAsync(server)).ConfigureAwait(false);
            return Noted(server.Name, "session termination", result);
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP servers whose sessions outlive the client or can be taken over");
    }

    /// <summary>
    /// The tools each server lists (every page of <c>tools/list</c>) are exactly its <c>expectedTools</c>: any other
    /// tool is a finding, and so is an expected tool that is missing. A server without an allow-list fails: there is
    /// nothing to check its tools against.
    /// </summary>
    /// <example>Then every MCP server exposes only its expected tools</example>
    [Then("every MCP server exposes only its expected tools")]
    public async Task ThenEveryMcpServerExposesOnlyItsExpectedTools()
    {
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            var tools = await context.ToolsAsync(server).ConfigureAwait(false);
            var names = string.Join(", ", tools.Select(t => ToolPoisoningCheck.MakeVisible(t.Name)));
            if (server.ExpectedTools.Count == 0)
            {
                return [$"MCP server '{server.Name}' has no expectedTools in the profile, so its tools ({names}) cannot be checked against an allow-list"];
            }

            var result = ToolAllowListCheck.Check(tools, server.ExpectedTools);
            var lines = new List<string>();
            if (result.Unexpected.Count > 0)
            {
                lines.Add($"MCP server '{server.Name}' exposes tools outside its allow-list: {string.Join(", ", result.Unexpected.Select(ToolPoisoningCheck.MakeVisible))}");
            }

            if (result.Missing.Count > 0)
            {
                lines.Add($"MCP server '{server.Name}' does not list expected tools: {string.Join(", ", result.Missing)}");
            }

            return lines;
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP tool inventories that do not match their allow-lists");
    }

    /// <summary>
    /// No tool definition (name, title, description, every string and property name of its schemas and annotations)
    /// carries a poisoning pattern: hidden instructions, invisible Unicode, exfiltration URLs or instructions to send
    /// data elsewhere, references to SSH keys, .env or other credential files, or to other tools' credentials.
    /// </summary>
    /// <example>Then no MCP tool definition carries hidden instructions or exfiltration patterns</example>
    [Then("no MCP tool definition carries hidden instructions or exfiltration patterns")]
    public async Task ThenNoMcpToolDefinitionIsPoisoned()
    {
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            var tools = await context.ToolsAsync(server).ConfigureAwait(false);
            return [.. ToolPoisoningCheck.Check(tools).Select(f => $"MCP server '{server.Name}': {f}")];
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP tool definitions with poisoning patterns");
    }

    private IReadOnlyList<string> Noted(string server, string what, McpProbeResult result)
    {
        if (result.Observations.Count > 0)
        {
            context.Deployment.Note($"{what} of MCP server '{server}'", string.Join(Environment.NewLine, result.Observations));
        }

        return result.Violations;
    }
}
