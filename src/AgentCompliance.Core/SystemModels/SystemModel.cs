using Newtonsoft.Json;

namespace AgentCompliance.Core.SystemModels;

/// <summary>
/// The agent system as the threat model sees it. Load it with <see cref="SystemModelLoader"/>, which also checks that
/// ids are unique and every reference names an element of the right kind.
/// </summary>
public sealed record SystemModel
{
    [JsonProperty("$schema")]
    public string? Schema { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<AgentElement> Agents { get; init; } = [];

    public IReadOnlyList<HumanElement> Humans { get; init; } = [];

    public IReadOnlyList<IdentityElement> Identities { get; init; } = [];

    public IReadOnlyList<ServiceElement> Services { get; init; } = [];

    public IReadOnlyList<ToolElement> Tools { get; init; } = [];

    public IReadOnlyList<DataStoreElement> DataStores { get; init; } = [];

    public IReadOnlyList<ExternalServiceElement> ExternalServices { get; init; } = [];

    public IReadOnlyList<TrustBoundary> TrustBoundaries { get; init; } = [];

    public IReadOnlyList<DataFlow> Flows { get; init; } = [];

    /// <summary>Every element with an id, in file order (agents, humans, identities, services, tools, stores, externals, boundaries, flows).</summary>
    [JsonIgnore]
    public IEnumerable<ModelElement> Elements =>
        Agents.Cast<ModelElement>().Concat(Humans).Concat(Identities).Concat(Services).Concat(Tools)
            .Concat(DataStores).Concat(ExternalServices).Concat(TrustBoundaries).Concat(Flows);

    /// <summary>The element with this id, or null.</summary>
    public ModelElement? Find(string id) => Elements.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}
