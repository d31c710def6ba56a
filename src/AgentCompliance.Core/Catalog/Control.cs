namespace AgentCompliance.Core.Catalog;

/// <summary>
/// One entry of the control catalog: a risk, threat, layer or NIST function/category/subcategory that scenarios,
/// analysis rules and threat rules refer to by <see cref="Id"/>.
/// </summary>
/// <param name="Id">Canonical identifier, e.g. <c>ASI03</c>, <c>GOVERN 1.6</c>, <c>MAESTRO-L7:Agent Impersonation</c>.</param>
/// <param name="Name">Official name where the framework has one.</param>
/// <param name="FrameworkId">Id of the owning <see cref="Framework"/>, e.g. <c>asi</c>.</param>
/// <param name="Kind">What the entry is within its framework.</param>
/// <param name="Description">Short paraphrase in our own words, never the framework's text.</param>
public sealed record Control(string Id, string Name, string FrameworkId, ControlKind Kind, string Description)
{
    /// <summary>Id of the enclosing control (MAESTRO layer, NIST category or function), if any.</summary>
    public string? Parent { get; init; }

    /// <summary>Other names the control is known by.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Crosswalk targets this control declares, by canonical id. See <see cref="ControlCatalog.Related"/> for both directions.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>False for process controls that only documents, not a technical test, can evidence.</summary>
    public bool Testable { get; init; } = true;

    public override string ToString() => Id;
}
