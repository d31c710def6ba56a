namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// What a security probe of an MCP server found: violations (each a sentence an assessor reads) and observations
/// that show what was checked when nothing was wrong. A probe that cannot verify its control throws instead.
/// </summary>
public sealed record McpProbeResult(IReadOnlyList<string> Violations, IReadOnlyList<string> Observations)
{
    public bool Holds => Violations.Count == 0;
}
