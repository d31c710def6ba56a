namespace AgentCompliance.Core.Configuration;

/// <summary>The service that decides authorization requests at request time.</summary>
public sealed record PolicyDecisionPointEndpoint
{
    public required PolicyDecisionPointKind Kind { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The resource kind a tool call is checked as (Cerbos: the resource policy's <c>resource</c>).</summary>
    public string ResourceKind { get; init; } = "tool";

    /// <summary>The action a tool call is checked as.</summary>
    public string Action { get; init; } = "invoke";

    /// <summary>Roles the gateway gives an agent's principal when it asks the policy decision point.</summary>
    public IReadOnlyList<string> PrincipalRoles { get; init; } = ["agent"];

    /// <summary>The attribute that records a sensitive action, so re-evaluation can be probed.</summary>
    public SensitiveActionAttribute SensitiveActionAttribute { get; init; } = new();
}
