using AgentCompliance.Core.Results;
using Spectre.Console;

namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>The label and colour of each status, the same in progress lines and the summary.</summary>
internal static class ScenarioStatusStyle
{
    /// <summary>Width of the longest label, so scenario lines line up.</summary>
    public const int LabelWidth = 9;

    public static string Label(ResultStatus status) => status switch
    {
        ResultStatus.Passed => "PASSED",
        ResultStatus.Failed => "FAILED",
        ResultStatus.Undefined => "UNDEFINED",
        ResultStatus.Pending => "PENDING",
        ResultStatus.Ambiguous => "AMBIGUOUS",
        ResultStatus.Skipped => "SKIPPED",
        ResultStatus.NotRun => "NOT RUN",
        _ => status.ToString().ToUpperInvariant(),
    };

    public static Style Style(ResultStatus status) => status switch
    {
        ResultStatus.Passed => new Style(Color.Green),
        ResultStatus.Failed => new Style(Color.Red, decoration: Decoration.Bold),
        ResultStatus.Undefined or ResultStatus.Pending => new Style(Color.Yellow),
        ResultStatus.Ambiguous => new Style(Color.Fuchsia),
        _ => new Style(Color.Grey),
    };

    /// <summary>The scenario's name as users know it: outline examples carry their row.</summary>
    public static string DisplayName(ScenarioResult scenario) =>
        scenario.Example is null ? scenario.Name : $"{scenario.Name} [{scenario.Example}]";
}
