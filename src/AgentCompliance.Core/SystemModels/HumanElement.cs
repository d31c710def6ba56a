namespace AgentCompliance.Core.SystemModels;

/// <summary>A person who uses, approves or operates the agents.</summary>
public sealed record HumanElement : ModelElement
{
    public required string Name { get; init; }

    public string? Role { get; init; }
}
