using System.CommandLine;
using AgentCompliance.Cli.ConsoleOutput;
using AgentCompliance.Cli.Output;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance diff BEFORE AFTER [--format table|json|markdown]</c>: compares two results.json files scenario by
/// scenario (by fingerprint) and lists regressions, fixes, added and removed scenarios. Exit codes: 0 compared
/// (whatever changed; gate with <c>run --baseline</c>), 2 a file is missing or invalid.
/// </summary>
internal static class DiffCommand
{
    private const string Table = "table";
    private const string Json = "json";
    private const string Markdown = "markdown";

    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var before = new Argument<string>("before") { Description = "results.json of the earlier run." };
        var after = new Argument<string>("after") { Description = "results.json of the later run." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: table for people, json for tools, markdown for a pull request or CI job summary.",
            DefaultValueFactory = _ => Table,
        };
        format.AcceptOnlyFromAmong(Table, Json, Markdown);

        var command = new Command("diff", "Compare two runs (results.json): regressions, fixes, added and removed scenarios.") { before, after, format };
        command.SetAction(parseResult =>
        {
            var diff = RunDiff.Compare(RunResultJson.Read(parseResult.GetValue(before)!), RunResultJson.Read(parseResult.GetValue(after)!));
            switch (parseResult.GetValue(format))
            {
                case Json:
                    RunDiffWriter.WriteJson(output, diff);
                    break;
                case Markdown:
                    RunDiffWriter.WriteMarkdown(output, diff);
                    break;
                default:
                    RunDiffWriter.WriteTable(CommandConsole.Create(output), diff);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
