using System.CommandLine;
using System.Globalization;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance run</c>: runs the feature files on the Reqnroll runtime, prints one line per scenario and
/// writes the run's Cucumber messages to the output folder. Exit codes: 0 all passed or skipped, 1 any scenario
/// failed, undefined, pending or ambiguous, 2 invalid input, 3 the run could not complete (harness failure or
/// interruption before every scenario ran).
/// </summary>
public static class RunCommand
{
    public const string DefaultFeatures = "features";
    public const string DefaultOutputDirectory = "reports";

    /// <param name="output">Where the per-scenario lines and the summary go.</param>
    /// <param name="engine">The engine to run; the default has no built-in step library yet.</param>
    /// <param name="observers">Progress observers (console progress, checkpoint writers) notified during the run.</param>
    /// <param name="resultSinks">Called with the finished result and the output folder (results.json, JUnit writers).</param>
    public static Command Create(
        TextWriter output,
        ScenarioEngine? engine = null,
        IReadOnlyList<IRunObserver>? observers = null,
        IReadOnlyList<Func<RunResult, string, CancellationToken, Task>>? resultSinks = null)
    {
        ArgumentNullException.ThrowIfNull(output);

        var profile = new Option<string?>("--profile") { Description = "Target profile (agentcompliance.yaml).", HelpName = "FILE" };
        var features = new Option<string[]>("--features")
        {
            Description = $"Folder, .feature file or glob of feature files; repeatable. Default: {DefaultFeatures}/",
            HelpName = "DIR|GLOB",
            Arity = ArgumentArity.OneOrMore,
        };
        var bindings = new Option<string[]>("--bindings") { Description = "Binding assembly (.dll) written against Reqnroll; repeatable.", HelpName = "DLL", Arity = ArgumentArity.OneOrMore };
        var tags = new Option<string?>("--tags") { Description = "Cucumber tag expression, e.g. \"@smoke and not (@slow or @wip)\".", HelpName = "EXPR" };
        var parallel = new Option<int>("--parallel") { Description = "Number of features to run at once.", HelpName = "N", DefaultValueFactory = _ => 1 };
        var stepTimeout = new Option<double?>("--step-timeout") { Description = "Fail a step that runs longer than this.", HelpName = "SECONDS" };
        var outDirectory = new Option<string>("--out") { Description = $"Output folder. Default: {DefaultOutputDirectory}/", HelpName = "DIR", DefaultValueFactory = _ => DefaultOutputDirectory };

        var command = new Command("run", "Run compliance scenarios (Gherkin feature files) and report per-scenario results.")
        {
            profile, features, bindings, tags, parallel, stepTimeout, outDirectory,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new RunCommandOptions(
                parseResult.GetValue(profile),
                parseResult.GetValue(features) is { Length: > 0 } given ? given : [DefaultFeatures],
                parseResult.GetValue(bindings) ?? [],
                parseResult.GetValue(tags),
                parseResult.GetValue(parallel),
                parseResult.GetValue(stepTimeout),
                parseResult.GetValue(outDirectory) ?? DefaultOutputDirectory);
            // Notes and warnings go to the invocation's error writer (stderr unless a caller redirected it).
            var error = parseResult.InvocationConfiguration.Error;
            var (_, exitCode) = await ExecuteAsync(options, output, error, engine ?? new ScenarioEngine(), observers ?? [], resultSinks ?? [], cancellationToken).ConfigureAwait(false);
            return exitCode;
        });
        return command;
    }

    /// <summary>Runs and reports; returns the result for callers that write more from it, and the exit code.</summary>
    public static async Task<(RunResult Result, int ExitCode)> ExecuteAsync(
        RunCommandOptions options,
        TextWriter output,
        TextWriter error,
        ScenarioEngine engine,
        IReadOnlyList<IRunObserver> observers,
        IReadOnlyList<Func<RunResult, string, CancellationToken, Task>> resultSinks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(resultSinks);

        var workingDirectory = Environment.CurrentDirectory;
        if (options.ProfilePath is { } profilePath)
        {
            if (!File.Exists(Path.GetFullPath(profilePath, workingDirectory)))
            {
                throw new InvalidInputException(new InputProblem(profilePath, 0, 0, "profile not found", "pass --profile with the path of an agentcompliance.yaml"));
            }

            await error.WriteLineAsync($"note: profile {profilePath} is accepted but its settings are not applied to this run yet").ConfigureAwait(false);
        }

        var runOptions = new ScenarioRunOptions
        {
            FeatureSources = options.Features,
            BindingAssemblyPaths = options.Bindings,
            TagExpression = options.Tags,
            Parallelism = options.Parallel,
            StepTimeout = options.StepTimeoutSeconds is { } seconds ? ToTimeout(seconds) : null,
            MessagesDirectory = options.OutputDirectory,
            WorkingDirectory = workingDirectory,
        };
        var result = await engine.RunAsync(runOptions, observers, cancellationToken).ConfigureAwait(false);

        var outputDirectory = Path.GetFullPath(options.OutputDirectory, workingDirectory);
        foreach (var sink in resultSinks)
        {
            await sink(result, outputDirectory, CancellationToken.None).ConfigureAwait(false);
        }

        await ScenarioLines.WriteAsync(result, output).ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            await error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"messages: {Path.Combine(options.OutputDirectory, ScenarioEngine.MessagesFileName)}").ConfigureAwait(false);
        return (result, ExitCodeFor(result));
    }

    /// <summary>1 when anything was not verified, 3 when the run did not complete, else 0.</summary>
    public static int ExitCodeFor(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = result.Summary;
        if (summary.Unsuccessful > 0)
        {
            return ExitCodes.GateFailed;
        }

        return result.Interrupted || summary.NotRun > 0 ? ExitCodes.CouldNotRun : ExitCodes.Success;
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
