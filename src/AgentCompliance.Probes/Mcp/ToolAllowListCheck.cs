namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Compares a server's tools with the allow-list in the profile: any other tool widens what an agent can be steered
/// into doing, and an expected tool that is missing means the server is not the one the allow-list was written for.
/// Names compare exactly (ordinal), as MCP clients call them.
/// </summary>
public static class ToolAllowListCheck
{
    public static ToolAllowListResult Check(IEnumerable<McpTool> tools, IReadOnlyCollection<string> expected)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(expected);
        var listed = tools.Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
        var allowed = expected.ToHashSet(StringComparer.Ordinal);
        return new ToolAllowListResult(
            [.. listed.Where(name => !allowed.Contains(name)).Order(StringComparer.Ordinal)],
            [.. expected.Where(name => !listed.Contains(name, StringComparer.Ordinal)).Order(StringComparer.Ordinal)]);
    }
}
