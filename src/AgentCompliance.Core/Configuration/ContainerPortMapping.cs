namespace AgentCompliance.Core.Configuration;

/// <summary>A container port published on 127.0.0.1.</summary>
public sealed record ContainerPortMapping
{
    public required int Container { get; init; }

    /// <summary>Fixed host port, or null for a free port chosen at start.</summary>
    public int? Host { get; init; }
}
