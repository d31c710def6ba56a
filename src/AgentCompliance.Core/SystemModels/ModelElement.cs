namespace AgentCompliance.Core.SystemModels;

/// <summary>Anything in the system model that has an id; ids are unique across the whole model.</summary>
public abstract record ModelElement
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    /// <summary>Overrides the MAESTRO layers the threat model would assign by default; empty keeps the default.</summary>
    public IReadOnlyList<MaestroLayer> MaestroLayers { get; init; } = [];
}
