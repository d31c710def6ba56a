using System.Globalization;
using System.Text;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Sarif;

namespace AgentCompliance.Reporting.Ci;

/// <summary>
/// The Markdown a run appends to <c>$GITHUB_STEP_SUMMARY</c>: the verdict with what the exit code means, a counts
/// table, the scenarios that fail the gate (control, severity, new/existing, feature:line, the message on one line: its first line, or for a list its first item),
/// failures that do not, waived scenarios with their waiver, expired waivers and other gate reasons, notes, and the
/// report files. All scenario text is escaped for a Markdown table.
/// </summary>
public static class GitHubJobSummary
{
    public static string Build(RunResult result, JobSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new JobSummaryOptions();
        var gate = result.Gate;
        var scenarios = CiScenarios.Classify(result);
        var markdown = new StringBuilder();

        markdown.Append("## AgentCompliance: ").Append(Verdict(gate)).Append("\n\n");
        AppendCounts(markdown, result, scenarios);

        var failing = scenarios.Where(s => s.Outcome == CiScenarioOutcome.FailsGate).Select(s => s.Scenario).ToList();
        AppendScenarioTable(markdown, "Scenarios that fail the gate", failing, options);
        var other = scenarios.Where(s => s.Outcome == CiScenarioOutcome.DoesNotFailGate).Select(s => s.Scenario).ToList();
        AppendScenarioTable(markdown, "Failures that do not fail the gate", other, options);
        AppendWaived(markdown, scenarios.Where(s => s.Outcome == CiScenarioOutcome.Waived).Select(s => s.Scenario).ToList(), options);

        var expired = gate?.Reasons.Where(r => r.Kind == GateReasonKind.WaiverExpired).ToList() ?? [];
        AppendList(markdown, "Expired waivers (fail the gate)", expired.Select(r => r.Message));

        // Reasons not shown with a scenario above: incomplete run, untested or failing required controls, pass rates.
        var others = gate?.Reasons.Where(r => r.Kind is not (GateReasonKind.WaiverExpired or GateReasonKind.FailedAtSeverity or GateReasonKind.NotVerified)).ToList() ?? [];
        AppendList(markdown, "Other gate reasons", others.Select(r => r.Message));
        AppendList(markdown, "Notes", gate?.Notes ?? []);

        if (options.ReportFiles.Count > 0)
        {
            markdown.Append("### Report files\n\n");
            foreach (var file in options.ReportFiles)
            {
                markdown.Append("- ").Append(MarkdownText.Code(file)).Append('\n');
            }

            markdown.Append('\n');
        }

        return markdown.ToString();
    }

    /// <summary>e.g. <c>gate FAILED — exit code 1 (the release gate failed)</c>.</summary>
    internal static string Verdict(GateVerdict? gate)
    {
        if (gate is null)
        {
            return "gate not evaluated";
        }

        var exit = gate.ExitCode.ToString(CultureInfo.InvariantCulture);
        if (gate.RunIncomplete)
        {
            return $"run INCOMPLETE — exit code {exit} (the run could not complete; nothing it did not finish was verified)";
        }

        if (gate.Passed)
        {
            return $"gate PASSED — exit code {exit} (the release may proceed)";
        }

        return gate.ExitCode == ExitCodes.Success
            ? $"gate FAILED (report-only) — exit code {exit} (failures are reported, the job is not failed)"
            : $"gate FAILED — exit code {exit} (the release gate failed: {gate.Reasons.Count} reason(s))";
    }

    private static void AppendCounts(StringBuilder markdown, RunResult result, IReadOnlyList<(ScenarioResult Scenario, CiScenarioOutcome Outcome)> scenarios)
    {
        var summary = result.Summary;
        var waived = scenarios.Count(s => s.Outcome == CiScenarioOutcome.Waived);
        var gateFailing = scenarios.Count(s => s.Outcome == CiScenarioOutcome.FailsGate);
        markdown.Append("| total | passed | failed | waived | failing the gate | undefined | pending | ambiguous | skipped | not run |\n");
        markdown.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        markdown.Append(CultureInfo.InvariantCulture,
            $"| {summary.Total} | {summary.Passed} | {summary.Failed - waived} | {waived} | {gateFailing} | {summary.Undefined} | {summary.Pending} | {summary.Ambiguous} | {summary.Skipped} | {summary.NotRun} |\n\n");
    }

    private static void AppendScenarioTable(StringBuilder markdown, string heading, List<ScenarioResult> scenarios, JobSummaryOptions options)
    {
        if (scenarios.Count == 0)
        {
            return;
        }

        markdown.Append(CultureInfo.InvariantCulture, $"### {heading} ({scenarios.Count})\n\n");
        markdown.Append("| control | severity | baseline | scenario | location | message |\n|---|---|---|---|---|---|\n");
        foreach (var scenario in scenarios)
        {
            markdown.Append("| ").Append(MarkdownText.Cell(ScenarioRuleIds.Of(scenario)))
                .Append(" | ").Append(GateEvaluator.SeverityOf(scenario).ToString().ToLowerInvariant())
                .Append(" | ").Append(scenario.Baseline is { } baseline ? baseline.ToString().ToLowerInvariant() : "—")
                .Append(" | ").Append(MarkdownText.Cell(Name(scenario)))
                .Append(" | ").Append(MarkdownText.Code(Location(scenario, options)))
                .Append(" | ").Append(MarkdownText.Cell(ScenarioMessages.Headline(ScenarioMessages.Problem(scenario))))
                .Append(" |\n");
        }

        markdown.Append('\n');
    }

    private static void AppendWaived(StringBuilder markdown, List<ScenarioResult> scenarios, JobSummaryOptions options)
    {
        if (scenarios.Count == 0)
        {
            return;
        }

        markdown.Append(CultureInfo.InvariantCulture, $"### Waived ({scenarios.Count})\n\n");
        markdown.Append("| control | scenario | location | justification | owner | expires | waiver |\n|---|---|---|---|---|---|---|\n");
        foreach (var scenario in scenarios)
        {
            var waiver = scenario.Waiver!;
            markdown.Append("| ").Append(MarkdownText.Cell(ScenarioRuleIds.Of(scenario)))
                .Append(" | ").Append(MarkdownText.Cell(Name(scenario)))
                .Append(" | ").Append(MarkdownText.Code(Location(scenario, options)))
                .Append(" | ").Append(MarkdownText.Cell(waiver.Justification))
                .Append(" | ").Append(MarkdownText.Cell(waiver.Owner))
                .Append(" | ").Append(waiver.ExpiresText)
                .Append(" | ").Append(MarkdownText.Code(waiver.Location))
                .Append(" |\n");
        }

        markdown.Append('\n');
    }

    private static void AppendList(StringBuilder markdown, string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        markdown.Append(CultureInfo.InvariantCulture, $"### {heading} ({list.Count})\n\n");
        foreach (var item in list)
        {
            markdown.Append("- ").Append(MarkdownText.Cell(item, 1_000)).Append('\n');
        }

        markdown.Append('\n');
    }

    private static string Name(ScenarioResult scenario) => scenario.Example is null ? scenario.Name : $"{scenario.Name} [{scenario.Example}]";

    private static string Location(ScenarioResult scenario, JobSummaryOptions options) =>
        $"{options.ArtifactPath(scenario.FeatureFile)}:{Math.Max(scenario.Line, 1).ToString(CultureInfo.InvariantCulture)}";
}
