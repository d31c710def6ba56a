using AgentCompliance.Analysis;
using AgentCompliance.Analysis.Loading;
using AgentCompliance.Analysis.Model;

namespace AgentCompliance.Steps.Code;

/// <summary>
/// The agent code a scenario reviews and what the analysis found in it; shared between code binding classes by
/// context injection. Each path is loaded and analysed once per scenario, however many steps read the findings.
/// </summary>
public sealed class AgentCodeContext
{
    private readonly Dictionary<string, AnalysisReport> _analysed = new(StringComparer.Ordinal);
    private IReadOnlyList<AnalysisReport>? _reports;

    /// <summary>The analyser whose rules the steps check; its rule list is what rule IDs are validated against.</summary>
    public CodeAnalyzer Analyzer { get; } = new();

    /// <summary>One report per analysed path, in the order the paths were given.</summary>
    public IReadOnlyList<AnalysisReport> Reports => _reports ?? throw new InvalidOperationException(
        "no agent code analysed: start the scenario with 'Given the agent code at \"path\"' or 'Given the target's agent code'");

    /// <summary>Unsuppressed findings of every analysed path.</summary>
    public IEnumerable<Finding> Unsuppressed => Reports.SelectMany(report => report.Unsuppressed);

    /// <summary>Analyses each path (or reuses this scenario's earlier analysis of it) and makes them the code under review.</summary>
    /// <returns>The reports, and whether each one was analysed now rather than reused.</returns>
    public IReadOnlyList<(AnalysisReport Report, bool Fresh)> Use(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var used = new List<(AnalysisReport, bool)>();
        foreach (var fullPath in paths.Select(Path.GetFullPath))
        {
            var fresh = !_analysed.TryGetValue(fullPath, out var report);
            if (report is null)
            {
                report = Analyzer.Analyze(CodebaseLoader.Load(fullPath));
                _analysed[fullPath] = report;
            }

            used.Add((report, fresh));
        }

        _reports = [.. used.Select(entry => entry.Item1)];
        return used;
    }

    /// <summary>How many C# files and rules the current analysis covers, for evidence lines.</summary>
    public string Scope() =>
        $"{Reports.Sum(report => report.FileCount)} C# files under {string.Join(", ", Reports.Select(report => report.RootDirectory))}, {Analyzer.Rules.Count} rules";

    /// <summary>One line per finding: <c>path:line:col RULE message</c>. Messages are redacted by the analysis.</summary>
    public static string Describe(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{finding.RelativePath}:{finding.Location.StartLine}:{finding.Location.StartColumn} {finding.Rule.Id} {finding.Message}";
    }
}
