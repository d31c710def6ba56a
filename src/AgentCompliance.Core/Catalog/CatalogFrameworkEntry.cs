namespace AgentCompliance.Core.Catalog;

/// <summary>A framework definition as written in a catalog file (see <c>Schemas/catalog.schema.json</c>).</summary>
public sealed record CatalogFrameworkEntry(string Id, string Name)
{
    public string? Version { get; init; }

    public string? Reference { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>1-based line of the entry in its file; 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>1-based column of the entry in its file; 0 when unknown.</summary>
    public int Column { get; init; }
}
