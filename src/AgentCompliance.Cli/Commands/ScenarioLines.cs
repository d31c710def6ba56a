using AgentCompliance.Core.Results;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// The plain end-of-run listing: one line per scenario (status, ID, feature and name), the deciding error and
/// help for undefined steps indented under it, and a summary line. Meant for logs, so no colour and no layout.
/// </summary>
internal static class ScenarioLines
{
    private const string Indent = "           ";

    public static async Task WriteAsync(RunResult result, TextWriter output)
    {
        foreach (var scenario in result.Scenarios)
        {
            var name = scenario.Example is null ? scenario.Name : $"{scenario.Name} [{scenario.Example}]";
            await output.WriteLineAsync($"{Label(scenario.Status),-10} {scenario.Id}  {scenario.FeatureName}: {name}").ConfigureAwait(false);
            if (scenario.Status is ResultStatus.Passed or ResultStatus.Skipped || scenario.ErrorMessage is null)
            {
                continue;
            }

            await output.WriteLineAsync(Indent + scenario.ErrorMessage).ConfigureAwait(false);
            foreach (var step in scenario.Steps.Where(step => step.Status is ResultStatus.Undefined or ResultStatus.Ambiguous))
            {
                foreach (var candidate in step.Candidates)
                {
                    var lead = step.Status == ResultStatus.Undefined ? "did you mean: " : "matches: ";
                    await output.WriteLineAsync($"{Indent}{lead}{candidate}").ConfigureAwait(false);
                }

                if (step.Snippet is not null)
                {
                    await output.WriteLineAsync($"{Indent}define it with:").ConfigureAwait(false);
                    foreach (var line in step.Snippet.Split('\n'))
                    {
                        await output.WriteLineAsync($"{Indent}  {line.TrimEnd('\r')}").ConfigureAwait(false);
                    }
                }
            }
        }

        var summary = result.Summary;
        await output.WriteLineAsync(
            $"{summary.Total} scenarios: {summary.Passed} passed, {summary.Failed} failed, {summary.Undefined} undefined, " +
            $"{summary.Pending} pending, {summary.Ambiguous} ambiguous, {summary.Skipped} skipped, {summary.NotRun} not run" +
            (result.Interrupted ? " (interrupted)" : string.Empty)).ConfigureAwait(false);
    }

    private static string Label(ResultStatus status) => status switch
    {
        ResultStatus.NotRun => "NOT RUN",
        _ => status.ToString().ToUpperInvariant(),
    };
}
