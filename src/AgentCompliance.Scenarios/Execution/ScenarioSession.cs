using System.Collections.Concurrent;
using System.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Hosting;
using AgentCompliance.Scenarios.MessageOutput;
using AgentCompliance.Scenarios.Parsing;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>
/// One started runtime that runs scenarios one at a time, through the same driver and result mapping as
/// <see cref="ScenarioEngine.RunAsync"/>: a test framework can hand out one test per scenario and still get one
/// BeforeTestRun/AfterTestRun per test run and AfterFeature when a feature is done. Thread-safe: concurrent calls each
/// get their own runtime state. Created by <see cref="ScenarioEngine.StartSessionAsync"/>.
/// </summary>
public sealed class ScenarioSession : IAsyncDisposable
{
    private readonly ScenarioEngine _engine;
    private readonly ReqnrollHost _host;
    private readonly ScenarioDriver _driver;
    private readonly CucumberMessagesWriter? _messages;
    private readonly string? _beforeTestRunFailure;
    private readonly ConcurrentQueue<string> _warnings;

    // The runtime compares features by reference: exactly one FeatureInfo per parsed feature for the whole session.
    private readonly ConcurrentDictionary<ParsedFeature, Lazy<FeatureRun>> _features = new(ReferenceEqualityComparer.Instance);
    private int _disposed;

    internal ScenarioSession(ScenarioEngine engine, ReqnrollHost host, CucumberMessagesWriter? messages, string? beforeTestRunFailure, ConcurrentQueue<string> warnings)
    {
        _engine = engine;
        _host = host;
        _messages = messages;
        _beforeTestRunFailure = beforeTestRunFailure;
        _warnings = warnings;
        _driver = new ScenarioDriver(host, warnings);
    }

    /// <summary>Hook failures outside any scenario (AfterFeature, AfterTestRun) and other notes, so far.</summary>
    public IReadOnlyList<string> Warnings => [.. _warnings];

    /// <summary>Runs one scenario (or outline example) of <paramref name="feature"/>; never throws for what
    /// bindings or hooks do, which ends up in the result. A failed BeforeTestRun hook fails every scenario.</summary>
    public Task<ScenarioResult> RunAsync(ParsedFeature feature, PlannedScenario scenario, IReadOnlyList<IRunObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!feature.Scenarios.Any(candidate => ReferenceEquals(candidate, scenario)))
        {
            throw new ArgumentException($"scenario {scenario.Id} is not one of feature '{feature.Name}'", nameof(scenario));
        }

        var run = _features.GetOrAdd(feature, parsed => new Lazy<FeatureRun>(() => new FeatureRun(parsed, ScenarioEngine.CreateFeatureInfo(parsed), []))).Value;
        if (_beforeTestRunFailure is not null)
        {
            var failed = _engine.ToResult(feature, scenario, ResultStatus.Failed, _beforeTestRunFailure, ScenarioOutcome.Unexecuted(scenario, ResultStatus.Skipped), TimeSpan.Zero);
            _messages?.WriteTestCase(feature, scenario, failed, Stopwatch.GetTimestamp(), null);
            return Task.FromResult(failed);
        }

        return _engine.ExecuteScenarioAsync(_driver, _messages, run, scenario, observers ?? []);
    }

    /// <summary>AfterFeature hooks of the features still open, then AfterTestRun hooks (their failures become
    /// <see cref="Warnings"/>), then the end of the session's Cucumber messages.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var run in _features.Values.Where(run => run.IsValueCreated).Select(run => run.Value))
        {
            try
            {
                await _host.EndFeatureAsync(run.Info).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _warnings.Enqueue($"[AfterFeature] hook failed for feature '{run.Feature.Name}': {ErrorText.Describe(exception)}");
            }
        }

        await ScenarioEngine.DisposeQuietlyAsync(_host, _warnings).ConfigureAwait(false);
        ScenarioEngine.FinishMessages(_messages, interrupted: false, null, _warnings);
        _messages?.Dispose();
    }
}
