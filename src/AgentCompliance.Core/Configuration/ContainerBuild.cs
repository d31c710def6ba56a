namespace AgentCompliance.Core.Configuration;

/// <summary>Builds a container image from a Dockerfile.</summary>
public sealed record ContainerBuild
{
    /// <summary>Build context folder (absolute once loaded from a profile).</summary>
    public required string Context { get; init; }

    /// <summary>Dockerfile path relative to the context; Docker's default when absent.</summary>
    public string? Dockerfile { get; init; }
}
