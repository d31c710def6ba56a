namespace AgentCompliance.Core.Configuration;

/// <summary>A container to start before the run: from an image or a build, never both.</summary>
public sealed record ContainerDefinition
{
    public required string Name { get; init; }

    public string? Image { get; init; }

    public ContainerBuild? Build { get; init; }

    /// <summary>Plain environment variables (not secrets).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variables whose values are secrets, read when the container starts.</summary>
    public IReadOnlyDictionary<string, SecretReference> SecretEnv { get; init; } = new Dictionary<string, SecretReference>();

    public IReadOnlyList<ContainerPortMapping> Ports { get; init; } = [];

    public ContainerWaitCondition? Wait { get; init; }

    public IReadOnlyList<string> NetworkAliases { get; init; } = [];

    /// <summary>Names of containers that must be ready before this one starts.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
