using AgentCompliance.Core.Results;
using Spectre.Console;

namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>
/// The one-line form of a finished scenario, e.g. <c>FAILED     features/x.feature:12  Scenario name</c>:
/// status, location an editor can jump to, name. Used for plain progress and as the heading of summary entries.
/// </summary>
internal static class ScenarioLine
{
    public static void Write(IAnsiConsole console, ScenarioResult scenario)
    {
        if (!console.Profile.Capabilities.Ansi)
        {
            // Without ANSI there is nothing to style and no live display to redraw: plain text straight to the
            // writer, unwrapped (a log line should not break at an assumed width), and far cheaper per scenario
            // than laying out a paragraph, which counts on suites of thousands of scenarios.
            console.Profile.Out.Writer.Write(PlainText(scenario));
            return;
        }

        var line = new Paragraph()
            .Append(Label(scenario), ScenarioStatusStyle.Style(scenario.Status))
            .Append($"  {Rest(scenario)}\n");

        // One write including the line break: while a live progress display is up, every write redraws it, and a
        // separate line break would leave a copy of the bar behind.
        console.Write(line);
    }

    /// <summary>The line without styling, ending in a line break.</summary>
    public static string PlainText(ScenarioResult scenario) => $"{Label(scenario)}  {Rest(scenario)}\n";

    private static string Label(ScenarioResult scenario) => ScenarioStatusStyle.Label(scenario.Status).PadRight(ScenarioStatusStyle.LabelWidth);

    private static string Rest(ScenarioResult scenario) =>
        $"{ConsoleSafeText.Line(scenario.Id)}  {ConsoleSafeText.Line(ScenarioStatusStyle.DisplayName(scenario))}";
}
