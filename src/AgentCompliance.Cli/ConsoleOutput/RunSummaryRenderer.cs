using System.Globalization;
using AgentCompliance.Core.Results;
using Spectre.Console;

namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>
/// The end-of-run summary: a table of counts per status, then every scenario that did not verify its control
/// (failed, undefined, pending, ambiguous) with what to do about it: the first error, the snippet for an undefined
/// step, the competing bindings for an ambiguous one. All scenario text is printed as plain text, never as markup.
/// </summary>
public static class RunSummaryRenderer
{
    /// <summary>Lines of an error message shown per scenario; the rest is in results.json.</summary>
    private const int MaxErrorLines = 12;

    /// <summary>Lines of a suggested step definition; a snippet is short, so this only guards against a runaway one.</summary>
    private const int MaxSnippetLines = 40;

    private static readonly string DetailIndent = new(' ', ScenarioStatusStyle.LabelWidth + 2);

    public static void Render(IAnsiConsole console, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);

        var summary = result.Summary;
        console.WriteLine();
        console.Write(CountsTable(summary));

        if (result.Interrupted)
        {
            console.WriteLine($"Run interrupted: {ConsoleSafeText.Line(result.InterruptionReason ?? "reason unknown")}", new Style(Color.Yellow));
        }

        foreach (var warning in result.Warnings)
        {
            console.WriteLine($"Warning: {ConsoleSafeText.Line(warning)}", new Style(Color.Yellow));
        }

        var notVerified = result.Scenarios.Where(IsNotVerified).ToList();
        if (notVerified.Count > 0)
        {
            console.WriteLine();
            console.WriteLine($"Not verified ({notVerified.Count}):", new Style(decoration: Decoration.Bold));
            foreach (var scenario in notVerified)
            {
                WriteScenario(console, scenario);
            }
        }

        console.WriteLine();
        console.WriteLine(TotalsLine(result), new Style(summary.Unsuccessful > 0 || result.Interrupted ? Color.Red : Color.Green, decoration: Decoration.Bold));
    }

    private static bool IsNotVerified(ScenarioResult scenario) =>
        scenario.Status is ResultStatus.Failed or ResultStatus.Undefined or ResultStatus.Pending or ResultStatus.Ambiguous;

    private static Table CountsTable(RunSummary summary)
    {
        var table = new Table()
            .Title("Run summary")
            .AddColumn(new TableColumn("Status").Footer("Total"))
            .AddColumn(new TableColumn("Scenarios").RightAligned().Footer(summary.Total.ToString(CultureInfo.InvariantCulture)))
            .ShowFooters();
        foreach (var status in Enum.GetValues<ResultStatus>())
        {
            var count = Count(summary, status);
            var style = count == 0 ? new Style(Color.Grey) : ScenarioStatusStyle.Style(status);
            table.AddRow(new Text(ScenarioStatusStyle.Label(status), style), new Text(count.ToString(CultureInfo.InvariantCulture), style));
        }

        return table;
    }

    private static int Count(RunSummary summary, ResultStatus status) => status switch
    {
        ResultStatus.Passed => summary.Passed,
        ResultStatus.Failed => summary.Failed,
        ResultStatus.Undefined => summary.Undefined,
        ResultStatus.Pending => summary.Pending,
        ResultStatus.Ambiguous => summary.Ambiguous,
        ResultStatus.Skipped => summary.Skipped,
        ResultStatus.NotRun => summary.NotRun,
        _ => 0,
    };

    private static void WriteScenario(IAnsiConsole console, ScenarioResult scenario)
    {
        ScenarioLine.Write(console, scenario);
        switch (scenario.Status)
        {
            case ResultStatus.Failed:
                WriteFailed(console, scenario);
                break;
            case ResultStatus.Undefined:
                WriteStepDetails(console, scenario, "Undefined step", "Closest existing steps:");
                break;
            case ResultStatus.Pending:
                WriteStepDetails(console, scenario, "Pending step", "Closest existing steps:");
                break;
            case ResultStatus.Ambiguous:
                WriteStepDetails(console, scenario, "Ambiguous step", "Matching bindings:");
                break;
        }
    }

    private static void WriteFailed(IAnsiConsole console, ScenarioResult scenario)
    {
        var step = scenario.Steps.FirstOrDefault(s => s.Status == ResultStatus.Failed);
        if (step is not null)
        {
            Detail(console, $"{StepLabel(step)} (line {step.Line})");
        }

        // The step line above already names the step; its own error avoids repeating it.
        var error = step?.ErrorMessage ?? scenario.ErrorMessage;
        foreach (var line in ConsoleSafeText.Lines(error ?? "failed without an error message", MaxErrorLines))
        {
            Detail(console, line, new Style(Color.Red));
        }
    }

    private static void WriteStepDetails(IAnsiConsole console, ScenarioResult scenario, string heading, string candidatesHeading)
    {
        var steps = scenario.Steps.Where(s => s.Status == scenario.Status).ToList();
        if (steps.Count == 0)
        {
            foreach (var line in ConsoleSafeText.Lines(scenario.ErrorMessage, MaxErrorLines))
            {
                Detail(console, line);
            }

            return;
        }

        foreach (var step in steps)
        {
            Detail(console, $"{heading}: {StepLabel(step)} (line {step.Line})");
            foreach (var line in ConsoleSafeText.Lines(step.ErrorMessage, MaxErrorLines))
            {
                Detail(console, line);
            }

            if (step.Snippet is not null)
            {
                Detail(console, "Add a step definition:");
                foreach (var line in ConsoleSafeText.Lines(step.Snippet, MaxSnippetLines))
                {
                    Detail(console, "  " + line, new Style(Color.Aqua));
                }
            }

            if (step.Candidates.Count > 0)
            {
                Detail(console, candidatesHeading);
                foreach (var candidate in step.Candidates)
                {
                    Detail(console, "  - " + ConsoleSafeText.Line(candidate));
                }
            }
        }
    }

    private static void Detail(IAnsiConsole console, string text, Style? style = null) =>
        console.WriteLine(DetailIndent + ConsoleSafeText.Line(text), style ?? Style.Plain);

    private static string StepLabel(StepResult step) => $"{step.Keyword.Trim()} {step.Text}";

    private static string TotalsLine(RunResult result)
    {
        var summary = result.Summary;
        if (summary.Total == 0)
        {
            return result.Interrupted ? "No scenario finished: the run was interrupted." : "No scenarios ran.";
        }

        var parts = Enum.GetValues<ResultStatus>()
            .Select(status => (Status: status, Count: Count(summary, status)))
            .Where(x => x.Count > 0 || x.Status == ResultStatus.Passed)
            .Select(x => $"{x.Count} {ScenarioStatusStyle.Label(x.Status).ToLowerInvariant()}");
        var elapsed = result.FinishedAt is { } finished
            ? string.Create(CultureInfo.InvariantCulture, $" in {(finished - result.StartedAt).TotalSeconds:0.0} s")
            : string.Empty;
        return $"{summary.Total} scenarios: {string.Join(", ", parts)}{elapsed}";
    }
}
