using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Filtering;
using AgentCompliance.Scenarios.Hosting;
using AgentCompliance.Scenarios.MessageOutput;
using AgentCompliance.Scenarios.Parsing;
using AgentCompliance.Scenarios.Tags;
using Reqnroll;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>
/// Runs Gherkin feature files on the real Reqnroll runtime without generated code-behind and returns a complete
/// <see cref="RunResult"/>: discovery, run-time parsing, tag filtering, execution (features in parallel when asked),
/// step timeouts, interruption, and the run's Cucumber messages.
/// </summary>
/// <remarks>
/// Input problems (bad tag expression, missing features, syntax errors, unloadable or invalid bindings) throw
/// <see cref="InvalidInputException"/> before any scenario runs. Everything bindings do at run time, including
/// throwing from hooks, ends up in the result instead.
/// </remarks>
public sealed class ScenarioEngine
{
    public const string MessagesFileName = "messages.ndjson";

    private readonly IReadOnlyList<Assembly> _builtInBindingAssemblies;
    private readonly IControlTagMapper _controls;

    /// <param name="builtInBindingAssemblies">Binding assemblies that always take part (the bundled step library).</param>
    /// <param name="controls">Maps tags to control IDs; defaults to the built-in control catalog.</param>
    public ScenarioEngine(IEnumerable<Assembly>? builtInBindingAssemblies = null, IControlTagMapper? controls = null)
    {
        _builtInBindingAssemblies = [.. builtInBindingAssemblies ?? []];
        _controls = controls ?? new CatalogControlTagMapper(ControlCatalog.BuiltIn);
    }

    public static string ToolVersion { get; } =
        typeof(ScenarioEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ScenarioEngine).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public async Task<RunResult> RunAsync(ScenarioRunOptions options, IReadOnlyList<IRunObserver>? observers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        observers ??= [];
        Validate(options);

        var filter = TagExpression.Parse(options.TagExpression);
        var files = FeatureFileDiscovery.Discover(options.FeatureSources, options.WorkingDirectory);
        var userAssemblies = BindingAssemblyFiles.Load(options.BindingAssemblyPaths, options.WorkingDirectory);
        var features = FeatureParser.ParseAll(files);
        ValidateControlTags(features);

        var warnings = new ConcurrentQueue<string>();
        var runs = Plan(features, filter, options.Shard, options.WorkingDirectory, warnings, out var selected, out var shard);
        if ((shard?.SelectedTotal ?? selected.Count) == 0)
        {
            warnings.Enqueue(filter == TagExpression.Everything
                ? "the feature files hold no scenarios"
                : $"no scenario matches the tag expression \"{filter.Text}\"");
        }
        else if (shard is not null && selected.Count == 0)
        {
            warnings.Enqueue($"shard {shard.Index}/{shard.Count} got no scenario: only {shard.SelectedTotal} were selected, fewer than the shards");
        }

        var messagesPath = PrepareMessagesPath(options.MessagesDirectory, options.WorkingDirectory);
        var host = await CreateHostAsync(userAssemblies, options.StepTimeout, messagesPath is not null, options.SharedContext, warnings, cancellationToken).ConfigureAwait(false);
        var redactor = host.Redactor;
        var startedAt = DateTimeOffset.UtcNow;
        var results = new ScenarioResult?[selected.Count];
        CucumberMessagesWriter? messages = null;
        try
        {
            await using (host)
            {
                messages = OpenMessages(messagesPath, options.MessagesDirectory, host, runs.Select(run => (run.Feature, run.Scenarios.Select(chosen => chosen.Scenario))));
                foreach (var observer in observers)
                {
                    observer.RunStarted(selected.Count);
                }

                var beforeRunError = await host.StartTestRunAsync().ConfigureAwait(false);
                if (beforeRunError is not null)
                {
                    var message = BeforeTestRunFailure(beforeRunError);
                    foreach (var run in runs)
                    {
                        foreach (var (slot, scenario) in run.Scenarios)
                        {
                            var failed = ToResult(run.Feature, scenario, ResultStatus.Failed, message, ScenarioOutcome.Unexecuted(scenario, ResultStatus.Skipped), TimeSpan.Zero);
                            messages?.WriteTestCase(run.Feature, scenario, failed, Stopwatch.GetTimestamp(), null);
                            results[slot] = failed;
                        }
                    }
                }
                else
                {
                    await ExecuteAsync(host, messages, runs, results, Math.Max(1, options.Parallelism), observers, warnings, cancellationToken).ConfigureAwait(false);
                }

                await DisposeQuietlyAsync(host, warnings).ConfigureAwait(false);
            }

            var scenarios = new List<ScenarioResult>(selected.Count);
            for (var slot = 0; slot < selected.Count; slot++)
            {
                var (feature, scenario) = selected[slot];
                scenarios.Add(results[slot] ?? ToResult(feature, scenario, ResultStatus.NotRun, "not run: the run was interrupted before this scenario started", ScenarioOutcome.Unexecuted(scenario, ResultStatus.NotRun), TimeSpan.Zero));
            }

            var interrupted = cancellationToken.IsCancellationRequested;
            var interruptionReason = interrupted ? "the run was cancelled (Ctrl-C)" : null;
            FinishMessages(messages, interrupted, interruptionReason, warnings);
            var result = new RunResult
            {
                ToolVersion = ToolVersion,
                StartedAt = startedAt,
                FinishedAt = DateTimeOffset.UtcNow,
                Interrupted = interrupted,
                InterruptionReason = interruptionReason,
                Scenarios = scenarios,
                Warnings = [.. warnings.Select(redactor.Redact)],
                Shard = shard,
            };
            foreach (var observer in observers)
            {
                observer.RunFinished(result);
            }

            return result;
        }
        finally
        {
            messages?.Dispose();
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> naming every tag that looks like a control but names none
    /// (<c>file:line:col</c>). Runs before anything executes: a typo would otherwise drop a control from the report.
    /// </summary>
    public void ValidateControlTags(IReadOnlyList<ParsedFeature> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var problems = new List<InputProblem>();
        foreach (var feature in features)
        {
            foreach (var tag in feature.TagOccurrences)
            {
                if (_controls.ProblemWith(tag.Name) is { } problem)
                {
                    problems.Add(new InputProblem(feature.File.DisplayPath, tag.Line, tag.Column, problem, "use an ID from 'agentcompliance controls', or add it to a catalog named in the profile"));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }
    }

    /// <summary>
    /// Starts the runtime once for scenarios the caller runs one at a time, in the selection and order it chooses
    /// (one NUnit test per scenario, say). BeforeTestRun hooks run now; AfterFeature and AfterTestRun hooks run when
    /// the session is disposed. Unloadable or invalid bindings throw <see cref="InvalidInputException"/>.
    /// </summary>
    public async Task<ScenarioSession> StartSessionAsync(ScenarioSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(new ScenarioRunOptions { StepTimeout = options.StepTimeout });
        var userAssemblies = BindingAssemblyFiles.Load(options.BindingAssemblyPaths, options.WorkingDirectory);
        var warnings = new ConcurrentQueue<string>();
        var messagesPath = PrepareMessagesPath(options.MessagesDirectory, options.WorkingDirectory);
        var host = await CreateHostAsync(userAssemblies, options.StepTimeout, messagesPath is not null, options.SharedContext, warnings, cancellationToken).ConfigureAwait(false);
        CucumberMessagesWriter? messages;
        try
        {
            messages = OpenMessages(messagesPath, options.MessagesDirectory, host, []);
        }
        catch (InvalidInputException)
        {
            await DisposeQuietlyAsync(host, warnings).ConfigureAwait(false);
            throw;
        }

        var beforeRunError = await host.StartTestRunAsync().ConfigureAwait(false);
        return new ScenarioSession(this, host, messages, beforeRunError is null ? null : BeforeTestRunFailure(beforeRunError), warnings);
    }

    // One runtime host for a run or a session: built-in plus user bindings; invalid bindings are input errors.
    private async Task<ReqnrollHost> CreateHostAsync(
        IReadOnlyList<Assembly> userAssemblies,
        TimeSpan? stepTimeout,
        bool writesMessages,
        IReadOnlyList<object> sharedContext,
        ConcurrentQueue<string> warnings,
        CancellationToken cancellationToken)
    {
        // Steps register the secrets they see (client secrets, issued tokens) here; the recorder redacts with it.
        var secrets = sharedContext.OfType<SecretRegistry>().FirstOrDefault();
        if (secrets is null)
        {
            secrets = new SecretRegistry();
            sharedContext = [.. sharedContext, secrets];
        }

        var settings = new HostSettings(
            [.. _builtInBindingAssemblies.Concat(userAssemblies).Distinct()],
            stepTimeout,
            cancellationToken,
            writesMessages,
            sharedContext)
        {
            Redactor = new Redactor(secrets),
        };
        var host = ReqnrollHost.Create(settings);
        var bindingErrors = host.BindingErrors();
        if (bindingErrors.Count > 0)
        {
            await DisposeQuietlyAsync(host, warnings).ConfigureAwait(false);
            throw InvalidBindings(bindingErrors);
        }

        return host;
    }

    private static InvalidInputException InvalidBindings(IReadOnlyList<string> errors) =>
        new([.. errors.Select(error => new InputProblem("--bindings", 0, 0, $"invalid binding: {error}", "fix the binding class, rebuild, and run again"))]);

    internal static string BeforeTestRunFailure(Exception error) => $"[BeforeTestRun] hook failed: {ErrorText.Describe(error)}";

    private static void Validate(ScenarioRunOptions options)
    {
        var problems = new List<InputProblem>();
        if (options.Parallelism < 1)
        {
            problems.Add(new InputProblem("--parallel", 0, 0, $"must be at least 1 (got {options.Parallelism})"));
        }

        if (options.StepTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            problems.Add(new InputProblem("--step-timeout", 0, 0, $"must be a positive number of seconds (got {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)})"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }
    }

    private static List<FeatureRun> Plan(
        IReadOnlyList<ParsedFeature> features,
        TagExpression filter,
        ScenarioShard? shardToRun,
        string workingDirectory,
        ConcurrentQueue<string> warnings,
        out List<(ParsedFeature Feature, PlannedScenario Scenario)> selected,
        out RunShard? shard)
    {
        var matching = features
            .SelectMany(feature => feature.Scenarios.Where(scenario => filter.Matches(scenario.Tags)).Select(scenario => (Feature: feature, Scenario: scenario)))
            .ToList();
        IReadOnlyList<int> positions = [.. Enumerable.Range(0, matching.Count)];
        shard = null;
        if (shardToRun is not null)
        {
            positions = ShardSplitter.PositionsFor([.. matching.Select(m => ShardSplitter.KeyOf(m.Feature.File, m.Scenario, workingDirectory))], shardToRun);
            shard = new RunShard(shardToRun.Index, shardToRun.Count, matching.Count) { Positions = positions };
        }

        selected = [.. positions.Select(position => matching[position])];

        // Positions ascend, so each feature's scenarios are consecutive: one FeatureRun per feature, in selection order.
        var runs = new List<FeatureRun>();
        for (var slot = 0; slot < selected.Count;)
        {
            var feature = selected[slot].Feature;
            var chosen = new List<(int Slot, PlannedScenario Scenario)>();
            for (; slot < selected.Count && ReferenceEquals(selected[slot].Feature, feature); slot++)
            {
                var scenario = selected[slot].Scenario;
                if (SeverityTag.Find(scenario.Tags) is { } severity && !SeverityTag.IsKnown(severity))
                {
                    warnings.Enqueue($"{scenario.Id}: unknown severity '{severity}' (expected one of {string.Join(", ", SeverityTag.KnownLevels)})");
                }

                chosen.Add((slot, scenario));
            }

            runs.Add(new FeatureRun(feature, CreateFeatureInfo(feature), chosen));
        }

        return runs;
    }

    internal static FeatureInfo CreateFeatureInfo(ParsedFeature feature)
    {
        var folder = Path.GetDirectoryName(feature.File.RelativePath)?.Replace('\\', '/') ?? string.Empty;
        return new FeatureInfo(Culture(feature.Language), folder, feature.Name, feature.Description, ProgrammingLanguage.CSharp, [.. feature.Tags]);
    }

    private static CultureInfo Culture(string gherkinLanguage)
    {
        try
        {
            return CultureInfo.GetCultureInfo(gherkinLanguage == "en" ? "en-US" : gherkinLanguage, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            // Gherkin has dialects (en-pirate, em) that are no .NET culture; bindings then parse invariantly.
            return CultureInfo.InvariantCulture;
        }
    }

    private static string? PrepareMessagesPath(string? directory, string workingDirectory)
    {
        if (directory is null)
        {
            return null;
        }

        var fullDirectory = Path.GetFullPath(directory, workingDirectory);
        try
        {
            Directory.CreateDirectory(fullDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(new InputProblem(directory, 0, 0, $"cannot create the output folder: {exception.Message}", "pass --out with a writable folder"));
        }

        return Path.Combine(fullDirectory, MessagesFileName);
    }

    /// <summary>Starts <c>messages.ndjson</c> (null when none is wanted); an unwritable file is an input error.</summary>
    private static CucumberMessagesWriter? OpenMessages(string? path, string? directory, ReqnrollHost host, IEnumerable<(ParsedFeature Feature, IEnumerable<PlannedScenario> Scenarios)> features)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return CucumberMessagesWriter.Create(path, host.BindingRegistry, ToolVersion, features);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(new InputProblem(directory ?? path, 0, 0, $"cannot write {MessagesFileName}: {exception.Message}", "pass --out with a writable folder"));
        }
    }

    /// <summary>Ends the messages with the run's outcome; a file that could not be completed becomes a warning.</summary>
    internal static void FinishMessages(CucumberMessagesWriter? messages, bool interrupted, string? interruptionReason, ConcurrentQueue<string> warnings)
    {
        if (messages is null)
        {
            return;
        }

        messages.Finish(interrupted, interruptionReason);
        if (messages.Error is { } error)
        {
            warnings.Enqueue($"{MessagesFileName} is incomplete: {error}");
        }
    }

    private async Task ExecuteAsync(ReqnrollHost host, CucumberMessagesWriter? messages, List<FeatureRun> runs, ScenarioResult?[] results, int parallelism, IReadOnlyList<IRunObserver> observers, ConcurrentQueue<string> warnings, CancellationToken cancellationToken)
    {
        var driver = new ScenarioDriver(host, warnings);
        var queue = new ConcurrentQueue<FeatureRun>(runs);

        async Task WorkAsync()
        {
            while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out var run))
            {
                foreach (var (slot, scenario) in run.Scenarios)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    results[slot] = await ExecuteScenarioAsync(driver, messages, run, scenario, observers).ConfigureAwait(false);
                }

                try
                {
                    await host.EndFeatureAsync(run.Info).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    warnings.Enqueue($"[AfterFeature] hook failed for feature '{run.Feature.Name}': {ErrorText.Describe(exception)}");
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Min(parallelism, Math.Max(1, runs.Count))).Select(_ => Task.Run(WorkAsync, CancellationToken.None));
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    /// <summary>Runs one scenario, adds its test case to the messages and tells the observers; shared by whole runs
    /// and <see cref="ScenarioSession"/>.</summary>
    internal async Task<ScenarioResult> ExecuteScenarioAsync(ScenarioDriver driver, CucumberMessagesWriter? messages, FeatureRun run, PlannedScenario scenario, IReadOnlyList<IRunObserver> observers)
    {
        foreach (var observer in observers)
        {
            observer.ScenarioStarted(run.Feature.Name, scenario.Name);
        }

        var started = Stopwatch.GetTimestamp();
        (ResultStatus Status, string? Error, IReadOnlyList<StepResult> Steps, ScenarioTrace? Trace) outcome;
        try
        {
            outcome = await driver.RunAsync(run, scenario).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            outcome = (ResultStatus.Failed, $"the scenario could not be executed: {ErrorText.Describe(exception)}", ScenarioOutcome.Unexecuted(scenario, ResultStatus.Skipped), null);
        }

        var result = ToResult(run.Feature, scenario, outcome.Status, outcome.Error, outcome.Steps, Stopwatch.GetElapsedTime(started));
        messages?.WriteTestCase(run.Feature, scenario, result, started, outcome.Trace);
        foreach (var observer in observers)
        {
            observer.ScenarioFinished(result);
        }

        return result;
    }

    internal ScenarioResult ToResult(ParsedFeature feature, PlannedScenario scenario, ResultStatus status, string? error, IReadOnlyList<StepResult> steps, TimeSpan duration) => new()
    {
        Id = scenario.Id,
        Name = scenario.Name,
        Example = scenario.Example,
        FeatureName = feature.Name,
        FeatureFile = feature.File.RelativePath,
        Line = scenario.Line,
        Rule = scenario.RuleName,
        Tags = scenario.Tags,
        Controls = _controls.ControlsFor(scenario.Tags),
        Severity = SeverityTag.Find(scenario.Tags),
        Status = status,
        Duration = duration,
        ErrorMessage = status == ResultStatus.Passed ? null : error,
        Steps = steps,
    };

    internal static async Task DisposeQuietlyAsync(ReqnrollHost host, ConcurrentQueue<string> warnings)
    {
        try
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
        catch (AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                warnings.Enqueue($"teardown hook failed: {ErrorText.Describe(inner)}");
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            warnings.Enqueue($"[AfterTestRun] hook failed: {ErrorText.Describe(exception)}");
        }
    }
}
