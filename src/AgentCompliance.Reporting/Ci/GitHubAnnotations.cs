using System.Globalization;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Sarif;

namespace AgentCompliance.Reporting.Ci;

/// <summary>
/// GitHub Actions annotations for a run, as workflow-command lines for stdout: <c>::error</c> at each scenario that
/// fails the gate, <c>::warning</c> at failures that do not (below the threshold, existing with <c>--fail-on new</c>),
/// <c>::notice</c> at waived ones, and <c>::error</c> without a file for run-wide gate reasons (incomplete run,
/// untested required control, pass rate below its minimum).
/// </summary>
public static class GitHubAnnotations
{
    /// <summary>Longest annotation message; the runner truncates long ones anyway, results.json keeps everything.</summary>
    internal const int MaxMessageLength = 4_000;

    /// <param name="result">A gated run.</param>
    /// <param name="artifactPath">Feature file (relative to its features root) → path relative to the repository root.</param>
    public static IReadOnlyList<string> Build(RunResult result, Func<string, string>? artifactPath = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var pathOf = artifactPath ?? (static file => file);
        var lines = new List<string>();
        foreach (var (scenario, outcome) in CiScenarios.Classify(result))
        {
            var (command, message) = outcome switch
            {
                CiScenarioOutcome.FailsGate => ("error", ScenarioMessages.Describe(scenario)),
                CiScenarioOutcome.DoesNotFailGate => ("warning", $"{ScenarioMessages.Describe(scenario)}\n(does not fail the gate: {WhyNot(scenario)})"),
                _ => ("notice", $"{ScenarioMessages.Describe(scenario)}\nwaived: {ScenarioMessages.WaiverJustification(scenario.Waiver!)}, {scenario.Waiver!.Location}"),
            };
            lines.Add(WorkflowCommand.Format(
                command,
                [
                    ("file", pathOf(scenario.FeatureFile)),
                    ("line", Math.Max(scenario.Line, 1).ToString(CultureInfo.InvariantCulture)),
                    ("title", Title(scenario, outcome)),
                ],
                Truncate(message)));
        }

        foreach (var reason in result.Gate?.Reasons.Where(r => r.ScenarioIds.Count == 0) ?? [])
        {
            lines.Add(WorkflowCommand.Format("error", [("title", "AgentCompliance gate")], Truncate(reason.Message)));
        }

        return lines;
    }

    /// <summary>e.g. <c>ASI03 failed (high, new)</c> or <c>AC-UNTAGGED undefined</c>.</summary>
    internal static string Title(ScenarioResult scenario, CiScenarioOutcome outcome)
    {
        var rule = ScenarioRuleIds.Of(scenario);
        var status = outcome == CiScenarioOutcome.Waived ? "waived" : scenario.Status.ToString().ToLowerInvariant();
        var details = new List<string> { GateEvaluator.SeverityOf(scenario).ToString().ToLowerInvariant() };
        if (scenario.Baseline is { } baseline)
        {
            details.Add(baseline.ToString().ToLowerInvariant());
        }

        return $"{rule} {status} ({string.Join(", ", details)})";
    }

    private static string WhyNot(ScenarioResult scenario) => scenario.Baseline == BaselineStatus.Existing
        ? "an existing failure (fail on: new) or below the severity threshold"
        : "below the severity threshold";

    private static string Truncate(string text) =>
        text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "… [truncated; results.json has the full text]");
}
