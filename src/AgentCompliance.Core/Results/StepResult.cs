namespace AgentCompliance.Core.Results;

/// <summary>The outcome of one Gherkin step, with everything a reader needs to act on it.</summary>
public sealed record StepResult
{
    public required string Keyword { get; init; }

    public required string Text { get; init; }

    public int Line { get; init; }

    public required ResultStatus Status { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The binding method that ran, as <c>Namespace.Type.Method(ParamTypes)</c>; null when none matched.</summary>
    public string? BoundMethod { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>For undefined steps: a step-definition snippet the user can paste into a binding class.</summary>
    public string? Snippet { get; init; }

    /// <summary>For undefined steps: the closest existing step patterns. For ambiguous steps: every matching binding.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
}
