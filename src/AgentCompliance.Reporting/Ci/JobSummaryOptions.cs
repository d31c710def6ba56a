namespace AgentCompliance.Reporting.Ci;

/// <summary>What the job summary shows besides the run.</summary>
public sealed record JobSummaryOptions
{
    /// <summary>Feature file (relative to its features root) → path relative to the repository root.</summary>
    public Func<string, string> ArtifactPath { get; init; } = static featureFile => featureFile;

    /// <summary>Report files the run wrote, as the user passed the output folder (e.g. <c>reports/results.sarif</c>).</summary>
    public IReadOnlyList<string> ReportFiles { get; init; } = [];
}
