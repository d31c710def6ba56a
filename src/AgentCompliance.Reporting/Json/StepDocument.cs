namespace AgentCompliance.Reporting.Json;

/// <summary>One step in results.json.</summary>
internal sealed record StepDocument
{
    public required string Keyword { get; init; }

    public required string Text { get; init; }

    public required int Line { get; init; }

    public required string Status { get; init; }

    public required double DurationMs { get; init; }

    public required string? BoundMethod { get; init; }

    public required string? ErrorMessage { get; init; }

    public required string? Snippet { get; init; }

    public required IReadOnlyList<string> Candidates { get; init; }

    public required IReadOnlyList<EvidenceDocument> Evidence { get; init; }
}
