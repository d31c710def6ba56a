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
        var label = ScenarioStatusStyle.Label(scenario.Status).PadRight(ScenarioStatusStyle.LabelWidth);
        var line = new Paragraph()
            .Append(label, ScenarioStatusStyle.Style(scenario.Status))
            .Append($"  {ConsoleSafeText.Line(scenario.Id)}  {ConsoleSafeText.Line(ScenarioStatusStyle.DisplayName(scenario))}\n");

        // One write including the line break: while a live progress display is up, every write redraws it, and a
        // separate line break would leave a copy of the bar behind.
        console.Write(line);
    }
}
