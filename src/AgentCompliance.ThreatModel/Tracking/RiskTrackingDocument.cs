using Newtonsoft.Json;

namespace AgentCompliance.ThreatModel.Tracking;

/// <summary>The risk tracking file kept beside the system model (schema: risk-tracking.schema.json).</summary>
public sealed record RiskTrackingDocument
{
    [JsonProperty("$schema")]
    public string? Schema { get; init; }

    public required int Version { get; init; }

    public IReadOnlyList<TrackedRisk> Risks { get; init; } = [];
}
