using AgentCompliance.Core.Catalog;

namespace AgentCompliance.Reporting.Sarif;

/// <summary>What the SARIF writer needs beyond the run itself.</summary>
public sealed record RunSarifOptions
{
    /// <summary>Names and help text of the controls that become SARIF rules; the built-in catalog unless given.</summary>
    public ControlCatalog Catalog { get; init; } = ControlCatalog.BuiltIn;

    /// <summary>
    /// Turns a scenario's feature file (relative to its features root) into the path relative to the working directory,
    /// which is what code scanning resolves against the repository; unchanged when not given.
    /// </summary>
    public Func<string, string> ArtifactPath { get; init; } = static featureFile => featureFile;
}
