namespace AgentCompliance.ThreatModel.Tracking;

/// <summary>One entry of the risk tracking file: a decision about one threat, with who decided, when and why.</summary>
public sealed record TrackedRisk
{
    /// <summary>The threat id, <c>rule@element</c>.</summary>
    public required string Threat { get; init; }

    public required RiskDecision Status { get; init; }

    public required string Justification { get; init; }

    public required string Owner { get; init; }

    public required DateOnly Date { get; init; }
}
