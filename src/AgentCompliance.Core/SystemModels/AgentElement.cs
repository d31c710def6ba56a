namespace AgentCompliance.Core.SystemModels;

/// <summary>An AI agent.</summary>
public sealed record AgentElement : ModelElement
{
    public required string Name { get; init; }

    /// <summary>Ids of the tools the agent may call.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];
}
