namespace AgentCompliance.Core.Catalog;

/// <summary>
/// One catalog file as read, before it is merged into a <see cref="ControlCatalog"/>. Loaders (JSON here, YAML in
/// Configuration) produce it; entries carry their line and column so merge errors can point into the file.
/// </summary>
/// <param name="Origin">The file path shown in error messages (<c>embedded:asi.json</c> for built-in catalogs).</param>
/// <param name="Frameworks">Frameworks the document defines.</param>
/// <param name="Controls">Controls the document defines, in file order.</param>
public sealed record CatalogDocument(string Origin, IReadOnlyList<CatalogFrameworkEntry> Frameworks, IReadOnlyList<CatalogControlEntry> Controls);
