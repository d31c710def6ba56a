namespace AgentCompliance.Reporting.Json;

/// <summary>The waiver that accepted a scenario's failure, in results.json.</summary>
internal sealed record WaiverDocument
{
    public string? Control { get; init; }

    public string? Scenario { get; init; }

    public string? Fingerprint { get; init; }

    public required string Justification { get; init; }

    public required string Owner { get; init; }

    /// <summary>YYYY-MM-DD, last valid day.</summary>
    public required string Expires { get; init; }

    /// <summary>Waiver file and line, as the user named it.</summary>
    public required string File { get; init; }

    public required int Line { get; init; }
}
