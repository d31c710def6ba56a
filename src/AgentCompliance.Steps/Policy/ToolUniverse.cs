using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Steps.Policy;

/// <summary>
/// Every tool the profile knows: the tools its MCP servers are expected to expose and the tools its agents are
/// allowed. Allow-lists are checked against this universe: an agent must be allowed its own tools and denied the rest.
/// </summary>
internal static class ToolUniverse
{
    /// <summary>A tool no deployment has, for probing default deny.</summary>
    public const string UnregisteredTool = "agentcompliance-unregistered-tool";

    public static IReadOnlyList<string> Of(TargetProfile profile) =>
        [.. profile.Target.McpServers.SelectMany(s => s.ExpectedTools).Concat(profile.Agents.SelectMany(a => a.AllowedTools)).Distinct(StringComparer.Ordinal)];

    /// <summary>A tool the agent is not allowed: the first of the universe outside its allow-list, else the unregistered tool.</summary>
    public static string OutsideAllowList(TargetProfile profile, AgentIdentity agent) =>
        Of(profile).FirstOrDefault(t => !agent.AllowedTools.Contains(t, StringComparer.Ordinal)) ?? UnregisteredTool;
}
