using Newtonsoft.Json;

namespace AgentCompliance.Core.Configuration;

/// <summary>Upper bounds that keep a run from hanging on an unresponsive target.</summary>
public sealed record TimeoutSettings
{
    public double RequestSeconds { get; init; } = 10;

    public double StepSeconds { get; init; } = 60;

    [JsonIgnore]
    public TimeSpan Request => TimeSpan.FromSeconds(RequestSeconds);

    [JsonIgnore]
    public TimeSpan Step => TimeSpan.FromSeconds(StepSeconds);
}
