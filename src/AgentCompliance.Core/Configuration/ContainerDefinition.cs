namespace AgentCompliance.Core.Configuration;

/// <summary>A container to start before the run: from an image or a build, never both.</summary>
public sealed record ContainerDefinition
{
    public required string Name { get; init; }

    public string? Image { get; init; }

    public ContainerBuild? Build { get; init; }

    /// <summary>Environment variables: literal values, or secrets read from the harness's environment or a file when the container starts.</summary>
    public IReadOnlyDictionary<string, ContainerEnvironmentValue> Environment { get; init; } = new Dictionary<string, ContainerEnvironmentValue>();

    /// <summary>Container ports published on 127.0.0.1 (and only there).</summary>
    public IReadOnlyList<ContainerPortMapping> Ports { get; init; } = [];

    public ContainerWaitCondition? Wait { get; init; }

    /// <summary>Extra names this container answers to on the run's network (its own name always does).</summary>
    public IReadOnlyList<string> NetworkAliases { get; init; } = [];

    /// <summary>Names of containers that must be ready before this one starts.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
