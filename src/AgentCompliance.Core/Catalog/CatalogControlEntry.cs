namespace AgentCompliance.Core.Catalog;

/// <summary>A control as written in a catalog file (see <c>Schemas/catalog.schema.json</c>).</summary>
/// <param name="Id">Control id as written.</param>
/// <param name="Name">Official or chosen name.</param>
/// <param name="Framework">Id of the framework the control belongs to.</param>
/// <param name="Kind">What the entry is within its framework.</param>
/// <param name="Description">Short description in our own words.</param>
public sealed record CatalogControlEntry(string Id, string Name, string Framework, ControlKind Kind, string Description)
{
    public string? Parent { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Crosswalk targets as written; any spelling <see cref="ControlCatalog.Normalize"/> accepts.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    public bool Testable { get; init; } = true;

    /// <summary>1-based line of the entry in its file; 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>1-based column of the entry in its file; 0 when unknown.</summary>
    public int Column { get; init; }
}
