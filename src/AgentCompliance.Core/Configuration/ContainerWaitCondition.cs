using Newtonsoft.Json;

namespace AgentCompliance.Core.Configuration;

/// <summary>When a started container counts as ready: exactly one of an HTTP answer, a listening port or a log line.</summary>
public sealed record ContainerWaitCondition
{
    /// <summary>Used when the profile gives no timeout: long enough for a cold start on a busy machine.</summary>
    public const double DefaultTimeoutSeconds = 60;

    public ContainerHttpWait? Http { get; init; }

    /// <summary>A container port that must accept connections (inside the container).</summary>
    public int? Port { get; init; }

    /// <summary>Regular expression matched against the container's log.</summary>
    public string? Log { get; init; }

    public double? TimeoutSeconds { get; init; }

    /// <summary>How long the container may take to become ready.</summary>
    [JsonIgnore]
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds ?? DefaultTimeoutSeconds);
}
