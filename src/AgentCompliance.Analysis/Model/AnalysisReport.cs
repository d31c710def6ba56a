namespace AgentCompliance.Analysis.Model;

/// <summary>Everything one analysis produced, in a deterministic order (path, line, column, rule).</summary>
/// <param name="RootDirectory">Absolute directory that relative paths and SARIF URIs are based on.</param>
/// <param name="Rules">Every rule that ran, in ID order (SARIF <c>ruleIndex</c> points into it).</param>
/// <param name="Findings">Suppressed findings included; check <see cref="Finding.IsSuppressed"/>.</param>
/// <param name="FileCount">C# files analysed (generated files excluded).</param>
/// <param name="Warnings">Loading problems that did not stop the analysis, e.g. a fallback to folder mode.</param>
public sealed record AnalysisReport(
    string RootDirectory,
    IReadOnlyList<RuleDescriptor> Rules,
    IReadOnlyList<Finding> Findings,
    int FileCount,
    IReadOnlyList<string> Warnings)
{
    public IEnumerable<Finding> Unsuppressed => Findings.Where(finding => !finding.IsSuppressed);

    /// <summary>True when an unsuppressed finding is at or above <paramref name="threshold"/>.</summary>
    public bool HasFindingsAtOrAbove(RuleSeverity threshold) => Unsuppressed.Any(finding => finding.Severity >= threshold);
}
