namespace AgentCompliance.Core.Configuration;

/// <summary>When a started container counts as ready: exactly one of an HTTP path, a listening port or a log line.</summary>
public sealed record ContainerWaitCondition
{
    /// <summary>HTTP path that must answer 2xx on the first published port.</summary>
    public string? Http { get; init; }

    public int? Port { get; init; }

    /// <summary>Regular expression matched against the container's log.</summary>
    public string? Log { get; init; }

    public double? TimeoutSeconds { get; init; }
}
