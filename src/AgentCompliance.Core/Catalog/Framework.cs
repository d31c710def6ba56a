namespace AgentCompliance.Core.Catalog;

/// <summary>A framework whose controls the catalog holds (OWASP ASI Top 10, NIST AI RMF, or a user's own).</summary>
/// <param name="Id">Lower-case key, e.g. <c>asi</c> or <c>nist-ai-rmf</c>.</param>
/// <param name="Name">Official title.</param>
public sealed record Framework(string Id, string Name)
{
    public string? Version { get; init; }

    /// <summary>Where the official text lives (citation or address).</summary>
    public string? Reference { get; init; }

    /// <summary>Caveats a reader of a report should know, e.g. which IDs are local conventions.</summary>
    public string? Notes { get; init; }

    /// <summary>Short names that also select the framework, e.g. <c>ASI</c> or <c>NIST</c>.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>True for frameworks shipped with the tool; user catalogs cannot add controls to them.</summary>
    public bool IsBuiltIn { get; init; }

    public override string ToString() => Id;
}
