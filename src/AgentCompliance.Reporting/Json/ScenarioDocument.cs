namespace AgentCompliance.Reporting.Json;

/// <summary>One scenario (or outline example row) in results.json.</summary>
internal sealed record ScenarioDocument
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string? Example { get; init; }

    public required string FeatureName { get; init; }

    public required string FeatureFile { get; init; }

    public required int Line { get; init; }

    public required string? Rule { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyList<string> Controls { get; init; }

    public required string? Severity { get; init; }

    public required string Status { get; init; }

    public required double DurationMs { get; init; }

    public required string? ErrorMessage { get; init; }

    public required IReadOnlyList<StepDocument> Steps { get; init; }

    // Optional so results.json files written before the gate existed still read (baselines, merges).
    public string? Fingerprint { get; init; }

    public WaiverDocument? Waiver { get; init; }

    /// <summary><c>new</c> or <c>existing</c> against the baseline; null without one.</summary>
    public string? Baseline { get; init; }
}
