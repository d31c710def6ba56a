namespace AgentCompliance.Core.Configuration;

/// <summary>The service that decides authorization requests at request time.</summary>
public sealed record PolicyDecisionPointEndpoint
{
    public required PolicyDecisionPointKind Kind { get; init; }

    public required Uri Url { get; init; }
}
