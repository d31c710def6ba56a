namespace AgentCompliance.Core.SystemModels;

/// <summary>
/// A request path from one element to another, with the properties the agent controls depend on: how the caller
/// authenticates, when it is authorised, how long its credential lives, and whether the flow is audited.
/// </summary>
public sealed record DataFlow : ModelElement
{
    public string? Name { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required FlowProtocol Protocol { get; init; }

    public required FlowAuthentication Authentication { get; init; }

    public required FlowAuthorization Authorization { get; init; }

    public required FlowLogging Logging { get; init; }

    /// <summary>Id of the identity the caller presents.</summary>
    public string? Identity { get; init; }

    /// <summary>Ids of the tools invoked over this flow.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    public int? CredentialLifetimeSeconds { get; init; }

    public bool ReevaluatesAfterSensitiveActions { get; init; }

    public DataClassification? DataClassification { get; init; }
}
