namespace AgentCompliance.Core.SystemModels;

/// <summary>A third-party service, including legacy integrations that cannot be isolated behind their own boundary.</summary>
public sealed record ExternalServiceElement : ModelElement
{
    public required string Name { get; init; }

    public required ExternalServiceKind Kind { get; init; }

    public bool Legacy { get; init; }

    /// <summary>False when the integration cannot get its own boundary or credential; null when unknown.</summary>
    public bool? CanBeIsolated { get; init; }

    public DataClassification? DataClassification { get; init; }
}
