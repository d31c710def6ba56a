using System.CommandLine;
using System.Globalization;
using AgentCompliance.Cli.Ci;
using AgentCompliance.Cli.ConsoleOutput;
using AgentCompliance.Cli.ThreatModeling;
using AgentCompliance.Containers;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Output;
using AgentCompliance.Reporting.Sarif;
using AgentCompliance.Scenarios.Execution;
using AgentCompliance.Scenarios.Filtering;
using AgentCompliance.Scenarios.Tags;
using AgentCompliance.Steps;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance run</c>: runs the feature files on the Reqnroll runtime with the built-in step library and the
/// user's binding DLLs, shows progress, and writes results.json, junit.xml, results.sarif and messages.ndjson to the output folder
/// (kept valid while the run executes, so an interrupted run still leaves readable files); when the profile names a
/// system model, also threat-model.json, threat-model.md and threat-model.html joined with the run's results.
/// After the run the release gate (<see cref="GateEvaluator"/>: the profile's gate section, waivers and baseline
/// with the command-line overrides) decides the exit code: 0 gate passed (or report-only), 1 gate failed, 2 invalid
/// input, 3 the run could not complete. On GitHub Actions it also writes the job summary and annotations.
/// </summary>
public static class RunCommand
{
    public const string DefaultFeatures = "features";
    public const string DefaultOutputDirectory = "reports";

    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var profile = new Option<string?>("--profile") { Description = $"Target profile. Default: ./{TargetProfileLoader.DefaultFileName} when present.", HelpName = "FILE" };
        var features = new Option<string[]>("--features")
        {
            Description = $"Folder, .feature file or glob of feature files; repeatable. Default: the profile's features, else {DefaultFeatures}/",
            HelpName = "DIR|GLOB",
            Arity = ArgumentArity.OneOrMore,
        };
        var bindings = new Option<string[]>("--bindings") { Description = "Binding assembly (.dll) written against Reqnroll; repeatable. Added to the built-in step library.", HelpName = "DLL", Arity = ArgumentArity.OneOrMore };
        var tags = new Option<string?>("--tags") { Description = "Cucumber tag expression, e.g. \"@smoke and not (@slow or @wip)\".", HelpName = "EXPR" };
        var parallel = new Option<int>("--parallel") { Description = "Number of features to run at once.", HelpName = "N", DefaultValueFactory = _ => 1 };
        var stepTimeout = new Option<double?>("--step-timeout") { Description = "Fail a step that runs longer than this. Default: the profile's timeouts.stepSeconds, else none.", HelpName = "SECONDS" };
        var outDirectory = new Option<string>("--out") { Description = $"Output folder. Default: {DefaultOutputDirectory}/", HelpName = "DIR", DefaultValueFactory = _ => DefaultOutputDirectory };
        var templates = new Option<string?>("--templates") { Description = "Folder with report templates overriding the built-in threat-model reports.", HelpName = "DIR" };
        var reportOnly = new Option<bool>("--report-only") { Description = "Report failed controls but exit 0 (input errors still exit 2, harness failures 3)." };
        var gateOptions = new GateCommandOptions();
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N of the selected scenarios (CI matrix jobs); join them with 'agentcompliance merge'.", HelpName = "K/N" };
        var ciSummary = new Option<string?>("--ci-summary") { Description = $"Append a Markdown job summary to this file. Default on GitHub Actions: ${GitHubActionsPublisher.SummaryVariable}.", HelpName = "FILE" };

        var command = new Command("run", "Run compliance scenarios (Gherkin feature files) and write results.json, junit.xml, results.sarif and messages.ndjson.")
        {
            profile, features, bindings, tags, parallel, stepTimeout, outDirectory, reportOnly, templates,
            shard, ciSummary,
        };
        gateOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new RunCommandOptions(
                parseResult.GetValue(profile),
                parseResult.GetValue(features) ?? [],
                parseResult.GetValue(bindings) ?? [],
                parseResult.GetValue(tags),
                parseResult.GetValue(parallel),
                parseResult.GetValue(stepTimeout),
                parseResult.GetValue(outDirectory) ?? DefaultOutputDirectory,
                parseResult.GetValue(reportOnly),
                parseResult.GetValue(templates),
                gateOptions.Read(parseResult),
                Shard: parseResult.GetValue(shard) is { } part ? ScenarioShard.Parse(part) : null,
                CiSummaryPath: parseResult.GetValue(ciSummary));
            var (_, exitCode) = await ExecuteAsync(options, output, parseResult.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
            return exitCode;
        });
        return command;
    }

    /// <summary>
    /// Loads the inputs, runs, writes every output; returns the result and the exit code. <c>environment</c> reads the CI
    /// variables (GitHub Actions job summary and annotations); the process environment when null.
    /// </summary>
    public static async Task<(RunResult Result, int ExitCode)> ExecuteAsync(RunCommandOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var workingDirectory = Environment.CurrentDirectory;
        // The profile's containers run for the whole run and are removed on every way out (failure, Ctrl-C included).
        await using var containers = await ProfileContainers.StartAsync(options.Profile ?? LoadProfile(options.ProfilePath, workingDirectory), output, cancellationToken).ConfigureAwait(false);
        var profile = containers.Profile;
        var catalog = ControlCatalog.Create(profile?.Catalogs.Select(ControlCatalog.LoadJsonCatalogFile) ?? []);
        var gate = RunGate.Create(options.Gate, options.ReportOnly, profile, catalog);
        var stepTimeout = options.StepTimeoutSeconds is { } seconds ? ToTimeout(seconds) : profile?.Timeouts.Step;
        var runOptions = new ScenarioRunOptions
        {
            FeatureSources = options.Features.Count > 0 ? options.Features : profile?.Features is { Count: > 0 } fromProfile ? fromProfile : [DefaultFeatures],
            BindingAssemblyPaths = [.. profile?.Bindings ?? [], .. options.Bindings],
            TagExpression = options.Tags,
            Parallelism = options.Parallel,
            StepTimeout = stepTimeout,
            MessagesDirectory = options.OutputDirectory,
            WorkingDirectory = workingDirectory,
            SharedContext = [new TargetContext { Profile = profile }, KnownSecrets(profile)],
            Shard = options.Shard,
        };

        var engine = new ScenarioEngine([StepLibrary.Assembly], new CatalogControlTagMapper(catalog));
        var outputDirectory = Path.GetFullPath(options.OutputDirectory, workingDirectory);
        var artifactPath = FeatureArtifactPaths.Create(runOptions.FeatureSources, workingDirectory);
        var writer = new RunOutputWriter(outputDirectory, RunOutputWriter.CreateDefaultWriters(new RunSarifOptions { Catalog = catalog, ArtifactPath = artifactPath }));
        var console = CommandConsole.Create(output);
        using var checkpoints = new CheckpointingRunObserver(writer, ScenarioEngine.ToolVersion, finish: run => gate.Evaluate(run));
        using var progress = new ConsoleRunObserver(console, CommandConsole.ChooseMode(console));

        // The checkpoint observer goes first: its RunFinished writes the final files, with the gate's verdict, waivers
        // and new/existing marks, before the summary is shown.
        var result = await engine.RunAsync(runOptions, [checkpoints, progress], cancellationToken).ConfigureAwait(false);
        var gated = checkpoints.FinalResult ?? throw new InvalidOperationException("the scenario engine returned without reporting the run finished");
        foreach (var warning in result.Warnings)
        {
            await error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        var reportFiles = writer.Writers.Select(w => w.FileName).Append(ScenarioEngine.MessagesFileName).Select(file => Path.Combine(options.OutputDirectory, file)).ToList();
        foreach (var file in reportFiles)
        {
            await output.WriteLineAsync($"wrote {file}").ConfigureAwait(false);
        }

        // A shard may get nothing when there are more shards than scenarios; only an empty selection is an error.
        if ((result.Shard?.SelectedTotal ?? result.Summary.Total) == 0)
        {
            // Nothing selected means nothing verified: a typo in --tags must not turn a release gate green.
            throw new InvalidInputException(new InputProblem(
                options.Tags is null ? "--features" : "--tags", 0, 0, "no scenario to run: the selection is empty", "check the feature folders and the tag expression"));
        }

        // The profile's system model turns the run into a threat model too, joined with this run's evidence; a shard's
        // part of the evidence would show the other shards' controls as untested, so `merge` writes it instead.
        if (profile?.SystemModel is { } systemModel && result.Shard is null)
        {
            foreach (var path in ThreatModelJob.Execute(systemModel, gated, null, options.TemplatesDirectory, outputDirectory, catalog))
            {
                reportFiles.Add(Path.Combine(options.OutputDirectory, Path.GetFileName(path)));
                await output.WriteLineAsync($"wrote {reportFiles[^1]}").ConfigureAwait(false);
            }
        }

        GateSummaryRenderer.Render(console, gated);
        await GitHubActionsPublisher.PublishAsync(gated, reportFiles, artifactPath, options.CiSummaryPath, environment ?? Environment.GetEnvironmentVariable, output, error).ConfigureAwait(false);
        return (gated, gated.Gate!.ExitCode);
    }

    /// <summary>
    /// Every secret the profile references that can be read now, registered for redaction up front: a secret never
    /// appears in output even if a server echoes it back before any step reads it itself. Unreadable ones are left
    /// to the step that needs them, which fails with a clear message.
    /// </summary>
    private static SecretRegistry KnownSecrets(TargetProfile? profile)
    {
        var secrets = new SecretRegistry();
        var references = (profile?.Agents.Select(a => a.Credentials) ?? []).Concat(profile?.Humans.Select(h => h.SubjectToken) ?? [])
            .Concat(profile?.Containers.SelectMany(c => c.Environment.Values).Select(v => v.Secret) ?? []);
        foreach (var reference in references.OfType<SecretReference>())
        {
            try
            {
                secrets.Add(reference.Resolve());
            }
            catch (InvalidInputException)
            {
                // Not set in this environment; only scenarios that use it are affected.
            }
        }

        return secrets;
    }

    /// <summary>The exit code of an evaluated run; a run not yet gated is evaluated with the default policy (built-in catalog, no waivers).</summary>
    public static int ExitCodeFor(RunResult result, bool reportOnly = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var gate = result.Gate ?? new GateEvaluator(new GateSettings { Mode = reportOnly ? GateMode.ReportOnly : GateMode.Enforce }, ControlCatalog.BuiltIn).Evaluate(result).Gate!;
        return gate.ExitCode;
    }

    /// <summary>The profile named on the command line, else ./agentcompliance.yaml when present, else none.</summary>
    internal static TargetProfile? LoadProfile(string? path, string workingDirectory)
    {
        if (path is not null)
        {
            return TargetProfileLoader.Load(path);
        }

        var conventional = Path.Combine(workingDirectory, TargetProfileLoader.DefaultFileName);
        return File.Exists(conventional) ? TargetProfileLoader.Load(conventional) : null;
    }

    private static TimeSpan ToTimeout(double seconds)
    {
        if (double.IsNaN(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            throw new InvalidInputException(new InputProblem("--step-timeout", 0, 0, $"must be a positive number of seconds (got {seconds.ToString(CultureInfo.InvariantCulture)})"));
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
