namespace AgentCompliance.Core.SystemModels;

/// <summary>A boundary that requests cross only through authenticated, authorised and logged flows.</summary>
public sealed record TrustBoundary : ModelElement
{
    public required string Name { get; init; }

    public required TrustBoundaryKind Kind { get; init; }

    /// <summary>Ids of the elements (or nested boundaries) inside.</summary>
    public IReadOnlyList<string> Contains { get; init; } = [];
}
