using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Mcp;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Steps.Live;

namespace AgentCompliance.Steps.Mcp;

/// <summary>
/// The profile's MCP servers as the MCP steps probe them, within one scenario: each server's target (with the token
/// of the agent the profile names for it, registered for redaction) and its tool inventory, read once and shared by
/// the steps that need it.
/// </summary>
public sealed class McpServerContext(DeploymentContext deployment)
{
    private readonly Dictionary<string, McpServerTarget> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<McpTool>> _tools = new(StringComparer.Ordinal);

    public DeploymentContext Deployment => deployment;

    /// <summary>The profile's MCP servers; none is a configuration error that says what to add.</summary>
    public IReadOnlyList<McpServerEndpoint> Servers =>
        deployment.Profile.Target.McpServers is { Count: > 0 } servers
            ? servers
            : throw new InvalidOperationException("the profile names no MCP servers, so there is nothing to check: add them under target.mcpServers");

    /// <summary>How to reach the server, with its agent's access token when the profile names an agent for it.</summary>
    /// <exception cref="ProbeFailedException">No token could be obtained for the server's agent.</exception>
    public async Task<McpServerTarget> TargetAsync(McpServerEndpoint server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (_targets.TryGetValue(server.Name, out var known))
        {
            return known;
        }

        string? token = null;
        if (server.Agent is { } agent)
        {
            try
            {
                token = (await deployment.AcquireAccessTokenAsync(agent, cancellationToken).ConfigureAwait(false)).AccessToken;
                deployment.RegisterSecret(token);
            }
            catch (TokenEndpointException e)
            {
                throw new ProbeFailedException($"no access token for agent '{agent}' to probe MCP server '{server.Name}': {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                throw new ProbeFailedException($"no access token for agent '{agent}' to probe MCP server '{server.Name}': {e.Message}");
            }
        }

        var target = new McpServerTarget(server.Name, server.Url, server.Transport, token, deployment.Profile.Timeouts.Step);
        _targets[server.Name] = target;
        return target;
    }

    /// <summary>Every tool the server lists (all pages), read once per scenario and noted as evidence.</summary>
    public async Task<IReadOnlyList<McpTool>> ToolsAsync(McpServerEndpoint server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (_tools.TryGetValue(server.Name, out var known))
        {
            return known;
        }

        var target = await TargetAsync(server, cancellationToken).ConfigureAwait(false);
        await using var session = await McpSession.OpenAsync(deployment.Http, target, cancellationToken).ConfigureAwait(false);
        var tools = await session.ListToolsAsync(cancellationToken).ConfigureAwait(false);
        deployment.Note(
            $"tools of MCP server '{server.Name}' ({session.ServerInfo}, protocol {session.ProtocolVersion})",
            string.Join(Environment.NewLine, tools.Select(t => $"{ToolPoisoningCheck.MakeVisible(t.Name)}  {ToolInventoryHash.OfTool(t)}")));
        _tools[server.Name] = tools;
        return tools;
    }

    /// <summary>A path for messages: relative to the profile's folder when it is inside it.</summary>
    public string Display(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return deployment.Profile.SourceFile is { } profile ? Path.GetRelativePath(Path.GetDirectoryName(profile)!, path) : path;
    }

    /// <summary>
    /// Runs a check on every server and collects one line per violation; a server that cannot be probed is a
    /// violation too (with the reason), because a control that could not be verified has not passed.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckEveryServerAsync(Func<McpServerEndpoint, Task<IReadOnlyList<string>>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var violations = new List<string>();
        foreach (var server in Servers)
        {
            try
            {
                violations.AddRange(await check(server).ConfigureAwait(false));
            }
            catch (ProbeFailedException e)
            {
                violations.Add($"MCP server '{server.Name}' could not be checked: {e.Message}");
            }
        }

        return violations;
    }
}
