using System.Text.RegularExpressions;
using AgentCompliance.Analysis.Loading;
using AgentCompliance.Analysis.Model;

namespace AgentCompliance.Analysis.Tests;

/// <summary>Fixture files copied next to the tests, and their <c>// expect: AC0001, AC0018</c> markers.</summary>
internal static partial class FixtureFiles
{
    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");

    public static string PathOf(string ruleId, string kind) => Path.Combine(Directory, ruleId, kind + ".cs");

    /// <summary>Expected (line, rule) pairs, one per rule ID named in a marker (repeated IDs expect repeated findings).</summary>
    public static List<(int Line, string RuleId)> ExpectedFindings(string path)
    {
        var expected = new List<(int, string)>();
        var lines = File.ReadAllLines(path);
        for (var index = 0; index < lines.Length; index++)
        {
            var marker = ExpectMarker().Match(lines[index]);
            if (marker.Success)
            {
                expected.AddRange(marker.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(id => (index + 1, id)));
            }
        }

        return expected;
    }

    public static AnalysisReport Analyze(params string[] paths) =>
        new CodeAnalyzer().Analyze(new LoadedCodebase(Directory, LoadMode.Folder, [FolderCompilationBuilder.Build(paths, CancellationToken.None)], []));

    public static List<(int Line, string RuleId)> Actual(AnalysisReport report) =>
        report.Findings.Select(finding => (finding.Location.StartLine, finding.Rule.Id)).ToList();

    [GeneratedRegex(@"//\s*expect:\s*(AC\d{4}(\s*,\s*AC\d{4})*)")]
    private static partial Regex ExpectMarker();
}
