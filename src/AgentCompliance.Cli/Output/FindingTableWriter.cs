using AgentCompliance.Analysis.Model;
using Spectre.Console;

namespace AgentCompliance.Cli.Output;

/// <summary>Human-readable findings: one row per finding, suppressed ones marked, and a summary line.</summary>
internal static class FindingTableWriter
{
    public static void Write(IAnsiConsole console, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);

        if (report.Findings.Count > 0)
        {
            var table = new Table();
            table.AddColumn(new TableColumn("Level") { NoWrap = true });
            table.AddColumn(new TableColumn("Rule") { NoWrap = true });
            table.AddColumn(new TableColumn("Location") { NoWrap = true });
            table.AddColumn(new TableColumn("Message"));
            table.AddColumn(new TableColumn("Controls"));
            foreach (var finding in report.Findings)
            {
                var level = finding.IsSuppressed ? $"suppressed {Level(finding.Severity)}" : Level(finding.Severity);
                var message = finding.Suppression is { } suppression ? $"{finding.Message} [suppressed: {suppression.Justification}]" : finding.Message;
                table.AddRow(
                    new Text(level),
                    new Text(finding.Rule.Id),
                    new Text($"{finding.RelativePath}:{finding.Location.StartLine}:{finding.Location.StartColumn}"),
                    new Text(message),
                    new Text(string.Join(", ", finding.Rule.Controls)));
            }

            console.Write(table);
        }

        var active = report.Unsuppressed.ToList();
        console.WriteLine(
            $"{active.Count} finding(s): {active.Count(finding => finding.Severity == RuleSeverity.Error)} error(s), " +
            $"{active.Count(finding => finding.Severity == RuleSeverity.Warning)} warning(s), {active.Count(finding => finding.Severity == RuleSeverity.Note)} note(s); " +
            $"{report.Findings.Count - active.Count} suppressed; {report.FileCount} file(s) analysed.");
    }

    private static string Level(RuleSeverity severity) => severity.ToString().ToLowerInvariant();
}
