namespace AgentCompliance.Core.SystemModels;

/// <summary>A platform component: identity provider, agent gateway, policy decision point, MCP server, audit log…</summary>
public sealed record ServiceElement : ModelElement
{
    public required string Name { get; init; }

    public required ServiceKind Kind { get; init; }
}
