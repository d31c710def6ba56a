using System.Text.Json.Serialization;

namespace AgentCompliance.Reporting.Json;

/// <summary>
/// The on-disk shape of results.json. Kept apart from Core's records so the file format changes only on purpose
/// (and with <see cref="SchemaVersion"/>), never because a C# property was renamed.
/// </summary>
internal sealed record ResultsDocument
{
    public required int SchemaVersion { get; init; }

    public required string ToolVersion { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset? FinishedAt { get; init; }

    public required bool Interrupted { get; init; }

    public required string? InterruptionReason { get; init; }

    public required SummaryDocument Summary { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required IReadOnlyList<ScenarioDocument> Scenarios { get; init; }

    /// <summary>Absent or null until the gate ran (checkpoints, older files).</summary>
    public GateDocument? Gate { get; init; }

    /// <summary>Only in a shard's file (<c>run --shard K/N</c>): left out otherwise, so whole runs read as before.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ShardDocument? Shard { get; init; }
}
