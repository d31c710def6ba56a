namespace AgentCompliance.Core.Configuration;

/// <summary>Builds a container image from a Dockerfile, locally: no registry is needed.</summary>
public sealed record ContainerBuild
{
    /// <summary>Build context folder (absolute once loaded from a profile).</summary>
    public required string Context { get; init; }

    /// <summary>Dockerfile path relative to the context; Docker's default when absent.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Values for the Dockerfile's ARG instructions.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();
}
