namespace AgentCompliance.Core.SystemModels;

/// <summary>
/// A principal that authenticates somewhere. <see cref="UsedBy"/> lists every agent and human that authenticates as
/// it, so an identity shared between a person and an agent is visible in the model.
/// </summary>
public sealed record IdentityElement : ModelElement
{
    public required string Name { get; init; }

    public required IdentityKind Kind { get; init; }

    /// <summary>Ids of the agents and humans using this identity.</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];

    /// <summary>Id of the service that issues its credentials.</summary>
    public string? IssuedBy { get; init; }

    public CredentialType? CredentialType { get; init; }

    public int? CredentialLifetimeSeconds { get; init; }

    public int? RotationDays { get; init; }
}
