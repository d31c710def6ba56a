namespace AgentCompliance.Core.SystemModels;

/// <summary>Where agent data lives: vector stores, databases, files, queues.</summary>
public sealed record DataStoreElement : ModelElement
{
    public required string Name { get; init; }

    public required DataStoreKind Kind { get; init; }

    public DataClassification? DataClassification { get; init; }
}
