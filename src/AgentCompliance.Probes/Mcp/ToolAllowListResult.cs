namespace AgentCompliance.Probes.Mcp;

/// <summary>Tools a server lists beyond its allow-list, and allow-listed tools it does not list.</summary>
public sealed record ToolAllowListResult(IReadOnlyList<string> Unexpected, IReadOnlyList<string> Missing)
{
    public bool Holds => Unexpected.Count == 0 && Missing.Count == 0;
}
