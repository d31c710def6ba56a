using System.CommandLine;
using AgentCompliance.Cli.ThreatModeling;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.Json;
using AgentCompliance.ThreatModel.Tracking;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance threat-model --system F [--results results.json] [--risks F] [--templates DIR] [--catalog F] --out DIR</c>:
/// runs the threat rules over a system model, joins a run's results when given, and writes threat-model.json,
/// threat-model.md and threat-model.html. Exit codes: 0 written, 2 invalid input, 3 output could not be written.
/// </summary>
internal static class ThreatModelCommand
{
    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var system = new Option<string>("--system") { Description = "System model file (agents, identities, tools, boundaries, flows).", HelpName = "FILE", Required = true };
        var results = new Option<string?>("--results") { Description = "results.json of a run to join; without it every control is untested.", HelpName = "FILE" };
        var risks = new Option<string?>("--risks") { Description = $"Risk tracking file. Default: {RiskTrackingLoader.DefaultFileName} beside the system model when present.", HelpName = "FILE" };
        var templates = new Option<string?>("--templates") { Description = "Folder with report.md.sbn / report.html.sbn overriding the built-in templates.", HelpName = "DIR" };
        var catalogs = new Option<string[]>("--catalog") { Description = "Extra control catalog (JSON) whose controls the run's scenarios name; repeatable.", HelpName = "FILE", Arity = ArgumentArity.OneOrMore };
        var outDirectory = new Option<string>("--out") { Description = $"Output folder. Default: {RunCommand.DefaultOutputDirectory}/", HelpName = "DIR", DefaultValueFactory = _ => RunCommand.DefaultOutputDirectory };

        var command = new Command("threat-model", "Generate the threat model of a system model, joined with a run's results, as JSON, Markdown and HTML.")
        {
            system, results, risks, templates, catalogs, outDirectory,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var resultsPath = parseResult.GetValue(results);
            var run = resultsPath is null ? null : RunResultJson.Read(resultsPath);
            var systemPath = parseResult.GetValue(system)!;
            if (!File.Exists(systemPath))
            {
                throw new InvalidInputException(new InputProblem(systemPath, 0, 0, "system model file not found", "pass a system model, e.g. samples/system-models/reference-platform.yaml"));
            }

            var catalog = ControlCatalog.Create((parseResult.GetValue(catalogs) ?? []).Select(ControlCatalog.LoadJsonCatalogFile));
            var written = ThreatModelJob.Execute(systemPath, run, parseResult.GetValue(risks), parseResult.GetValue(templates), parseResult.GetValue(outDirectory)!, catalog);
            foreach (var path in written)
            {
                await output.WriteLineAsync($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
