using System.CommandLine;
using AgentCompliance.Cli.Ci;
using AgentCompliance.Cli.ConsoleOutput;
using AgentCompliance.Cli.ThreatModeling;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;
using AgentCompliance.Reporting.Output;
using AgentCompliance.Reporting.Sarif;
using Spectre.Console;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance merge SHARD_RESULTS... --out DIR</c>: joins the results.json of shards 1..N written by
/// <c>run --shard K/N</c> (for example by the jobs of a CI matrix) into one run, evaluates the full release gate on it
/// — coverage rules included, which no single shard can judge — and writes what <c>run</c> writes: results.json,
/// junit.xml and, when the profile names a system model, the threat-model files. Cucumber messages stay per shard
/// (each shard's messages.ndjson is complete for its scenarios); merge writes none. Exit codes as <c>run</c>:
/// 0 gate passed (or report-only), 1 gate failed, 2 invalid input (a shard missing, given twice, from another split,
/// or a malformed file), 3 a shard did not complete.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shardResults = new Argument<string[]>("shard-results")
        {
            Description = "results.json of each shard, a folder holding one, or a glob (e.g. reports/shard-*).",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDirectory = new Option<string>("--out") { Description = "Output folder for the merged results.", HelpName = "DIR", Required = true };
        var profile = new Option<string?>("--profile") { Description = $"Target profile (gate, catalogs, system model). Default: ./{TargetProfileLoader.DefaultFileName} when present.", HelpName = "FILE" };
        var templates = new Option<string?>("--templates") { Description = "Folder with report templates overriding the built-in threat-model reports.", HelpName = "DIR" };
        var reportOnly = new Option<bool>("--report-only") { Description = "Report failed controls but exit 0 (input errors still exit 2, incomplete shards 3)." };
        var gateOptions = new GateCommandOptions();

        var command = new Command("merge", "Join the results of 'run --shard K/N' jobs into one run, gate it, and write results.json, junit.xml and results.sarif.")
        {
            shardResults, outDirectory, profile, reportOnly, templates,
        };
        gateOptions.AddTo(command);
        command.SetAction(async (parseResult, _) =>
        {
            var options = new MergeCommandOptions(
                parseResult.GetValue(shardResults) ?? [],
                parseResult.GetValue(outDirectory)!,
                parseResult.GetValue(profile),
                parseResult.GetValue(reportOnly),
                parseResult.GetValue(templates),
                gateOptions.Read(parseResult));
            var (_, exitCode) = await ExecuteAsync(options, output, parseResult.InvocationConfiguration.Error).ConfigureAwait(false);
            return exitCode;
        });
        return command;
    }

    /// <summary>Reads and checks the shards, gates the merge, writes every output; returns the merged result and the exit code.</summary>
    /// <param name="options">The shards' results and the gate options.</param>
    /// <param name="output">Console output: summary, written files, annotations.</param>
    /// <param name="error">Warnings (e.g. a job summary that cannot be written).</param>
    /// <param name="environment">Where CI variables are read (GITHUB_STEP_SUMMARY, GITHUB_ACTIONS); the process environment when null.</param>
    public static async Task<(RunResult Result, int ExitCode)> ExecuteAsync(MergeCommandOptions options, TextWriter output, TextWriter? error = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        var workingDirectory = Environment.CurrentDirectory;
        var files = ShardResultFiles.Resolve(options.ShardResults, workingDirectory);
        var outputDirectory = Path.GetFullPath(options.OutputDirectory, workingDirectory);
        var overwritten = files.FirstOrDefault(file => string.Equals(Path.GetFullPath(file, workingDirectory), Path.Combine(outputDirectory, RunResultJson.FileName), StringComparison.Ordinal));
        if (overwritten is not null)
        {
            throw new InvalidInputException(new InputProblem("--out", 0, 0, $"the merged results would overwrite the shard results {overwritten}", "pass --out with a folder of its own, e.g. reports/merged"));
        }

        // Inputs first, all of them, so a bad profile or waiver file is reported before the shards are read.
        var profile = RunCommand.LoadProfile(options.ProfilePath, workingDirectory);
        var catalog = ControlCatalog.Create(profile?.Catalogs.Select(ControlCatalog.LoadJsonCatalogFile) ?? []);
        var gate = RunGate.Create(options.Gate, options.ReportOnly, profile, catalog);
        var merged = ShardedRunMerge.Merge([.. files.Select(file => (file, RunResultJson.Read(file)))]);
        if (merged.Scenarios.Count == 0)
        {
            throw new InvalidInputException(new InputProblem("merge", 0, 0, "no scenario to merge: the shards' selection is empty", "check the feature folders and the tag expression the shards ran with"));
        }

        var gated = gate.Evaluate(merged);
        var console = CommandConsole.Create(output);
        console.WriteLine($"Merged {files.Count} shards: {gated.Scenarios.Count} scenarios");
        RunSummaryRenderer.Render(console, gated);

        // SARIF locations and annotations point at the feature files as the shards found them, when this checkout has them.
        var artifactPath = ArtifactPaths(profile, workingDirectory);
        var reportFiles = new List<string>();
        var writer = new RunOutputWriter(outputDirectory, RunOutputWriter.CreateDefaultWriters(new RunSarifOptions { Catalog = catalog, ArtifactPath = artifactPath }));
        foreach (var path in writer.Write(gated))
        {
            reportFiles.Add(Path.Combine(options.OutputDirectory, Path.GetFileName(path)));
            output.WriteLine($"wrote {reportFiles[^1]}");
        }

        if (profile?.SystemModel is { } systemModel)
        {
            foreach (var path in ThreatModelJob.Execute(systemModel, gated, null, options.TemplatesDirectory, outputDirectory, catalog))
            {
                reportFiles.Add(Path.Combine(options.OutputDirectory, Path.GetFileName(path)));
                output.WriteLine($"wrote {reportFiles[^1]}");
            }
        }

        GateSummaryRenderer.Render(console, gated);
        await GitHubActionsPublisher.PublishAsync(gated, reportFiles, artifactPath, null, environment ?? Environment.GetEnvironmentVariable, output, error ?? TextWriter.Null).ConfigureAwait(false);
        return (gated, gated.Gate!.ExitCode);
    }

    private static Func<string, string> ArtifactPaths(TargetProfile? profile, string workingDirectory)
    {
        try
        {
            return FeatureArtifactPaths.Create(profile?.Features is { Count: > 0 } features ? features : [RunCommand.DefaultFeatures], workingDirectory);
        }
        catch (InvalidInputException)
        {
            // The gate job may run without the feature files; the paths then stay as the shards recorded them.
            return path => path;
        }
    }
}
