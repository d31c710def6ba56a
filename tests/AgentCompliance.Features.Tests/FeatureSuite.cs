using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Execution;
using AgentCompliance.Scenarios.Parsing;
using AgentCompliance.Steps;

namespace AgentCompliance.Features.Tests;

/// <summary>
/// The feature files of one NUnit run and the engine session that runs them. Features are discovered and parsed once,
/// when NUnit asks for the test cases; the runtime starts with the first test that actually runs (so a filtered run
/// starts it only if something was selected) and stops when the suite is disposed, once per test run.
/// </summary>
public sealed class FeatureSuite : IAsyncDisposable
{
    private readonly ScenarioEngine _engine;
    private readonly Lazy<IReadOnlyList<ScenarioCase>> _cases;
    private readonly Lazy<Task<ScenarioSession>> _session;

    public FeatureSuite(FeatureSuiteSettings settings, ScenarioEngine engine, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(engine);
        Settings = settings;
        _engine = engine;
        _cases = new Lazy<IReadOnlyList<ScenarioCase>>(() => Load(settings, engine, workingDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
        _session = new Lazy<Task<ScenarioSession>>(
            () => _engine.StartSessionAsync(new ScenarioSessionOptions { BindingAssemblyPaths = settings.BindingAssemblyPaths, WorkingDirectory = workingDirectory }),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The suite NUnit runs in this project: configured by <see cref="FeatureSuiteSettings.FromTestRun"/>,
    /// with the built-in step library, exactly as <c>agentcompliance run</c> runs features.</summary>
    public static FeatureSuite Configured { get; } = new(FeatureSuiteSettings.FromTestRun(), new ScenarioEngine([StepLibrary.Assembly]), Environment.CurrentDirectory);

    public FeatureSuiteSettings Settings { get; }

    /// <summary>Every scenario and outline example, in file order; invalid feature files throw
    /// <see cref="Core.Diagnostics.InvalidInputException"/> (every time it is asked).</summary>
    public IReadOnlyList<ScenarioCase> Cases => _cases.Value;

    public async Task<ScenarioResult> RunAsync(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var session = await _session.Value.ConfigureAwait(false);
        return await session.RunAsync(scenario.Feature, scenario.Scenario).ConfigureAwait(false);
    }

    /// <summary>Stops the runtime if it was started (AfterFeature, AfterTestRun); returns what went wrong there.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        if (!_session.IsValueCreated || !_session.Value.IsCompletedSuccessfully)
        {
            return [];
        }

        var session = await _session.Value.ConfigureAwait(false);
        await session.DisposeAsync().ConfigureAwait(false);
        return session.Warnings;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    // Same checks as `agentcompliance run`: syntax errors and unknown control tags make the suite unloadable.
    private static List<ScenarioCase> Load(FeatureSuiteSettings settings, ScenarioEngine engine, string workingDirectory)
    {
        var features = FeatureParser.ParseAll(FeatureFileDiscovery.Discover(settings.FeatureSources, workingDirectory));
        engine.ValidateControlTags(features);
        return [.. features.SelectMany(feature => feature.Scenarios.Select(scenario => new ScenarioCase(feature, scenario)))];
    }
}
