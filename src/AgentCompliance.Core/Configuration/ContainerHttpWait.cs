namespace AgentCompliance.Core.Configuration;

/// <summary>Ready when an HTTP GET of <see cref="Path"/> on a published port answers <see cref="Status"/>.</summary>
public sealed record ContainerHttpWait
{
    public required string Path { get; init; }

    /// <summary>The container port asked; the container's first published port when absent.</summary>
    public int? Port { get; init; }

    public int Status { get; init; } = 200;
}
