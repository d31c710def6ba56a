using System.CommandLine;
using AgentCompliance.Analysis;
using AgentCompliance.Analysis.Loading;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Sarif;
using AgentCompliance.Cli.ConsoleOutput;
using AgentCompliance.Cli.Output;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.Output;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance analyze PATH [--sarif FILE] [--format table|json] [--fail-on error|warning|note|none]</c>: static
/// analysis of agent C# code (a .sln, .csproj, folder or .cs file). Exit 0 when no unsuppressed finding is at or above
/// --fail-on, 1 when one is, 2 for a missing or unsupported path, 3 when the code could not be loaded.
/// </summary>
internal static class AnalyzeCommand
{
    private const string Table = "table";
    private const string Json = "json";

    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var path = new Argument<string>("path") { Description = "A .sln/.slnx, .csproj, .cs file or folder of C# files. The code is parsed, never built or run." };
        var sarif = new Option<string?>("--sarif") { Description = "Also write SARIF 2.1.0 to this file (for GitHub code scanning and other viewers).", HelpName = "file" };
        var format = new Option<string>("--format") { Description = "Console output: table for people, json for tools.", DefaultValueFactory = _ => Table };
        format.AcceptOnlyFromAmong(Table, Json);
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when an unsuppressed finding is at or above this level (none: never).", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");

        var command = new Command("analyze", "Find agent security weaknesses in C# code (credentials, token lifetimes, risky tools, prompt injection…), mapped to controls.");
        command.Arguments.Add(path);
        command.Options.Add(sarif);
        command.Options.Add(format);
        command.Options.Add(failOn);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(path)!,
            parseResult.GetValue(sarif),
            parseResult.GetValue(format) ?? Table,
            parseResult.GetValue(failOn) ?? "error",
            cancellationToken)));
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, string path, string? sarifPath, string format, string failOn, CancellationToken cancellationToken)
    {
        var codebase = CodebaseLoader.Load(path, cancellationToken);
        var report = new CodeAnalyzer().Analyze(codebase, cancellationToken);
        foreach (var warning in report.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }

        if (sarifPath is not null)
        {
            WriteSarif(report, sarifPath);
        }

        if (format == Json)
        {
            FindingJsonWriter.Write(output, report);
        }
        else
        {
            FindingTableWriter.Write(CommandConsole.Create(output), report);
        }

        var threshold = failOn switch
        {
            "warning" => RuleSeverity.Warning,
            "note" => RuleSeverity.Note,
            "none" => (RuleSeverity?)null,
            _ => RuleSeverity.Error,
        };
        return threshold is { } level && report.HasFindingsAtOrAbove(level) ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private static void WriteSarif(AnalysisReport report, string sarifPath)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(sarifPath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            AtomicFile.Write(Path.GetFullPath(sarifPath), stream => SarifWriter.Write(report, stream));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(new InputProblem(sarifPath, 0, 0, $"cannot write the SARIF file: {exception.Message}", "give a writable path to --sarif"));
        }
    }
}
