using System.Collections.Concurrent;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Tests;

public class ObserverTests
{
    [Test]
    public async Task Observers_hear_about_the_run_and_every_scenario()
    {
        var observer = new RecordingObserver();

        var result = await EngineRuns.RunAsync(EngineRuns.Options("Outcomes", "Parallel") with { Parallelism = 3 }, default, observer);

        Assert.Multiple(() =>
        {
            Assert.That(observer.Events.First(), Is.EqualTo("run started: 18"));
            Assert.That(observer.Events.Last(), Is.EqualTo("run finished: 18"));
            Assert.That(observer.Events.Count(text => text.StartsWith("started ", StringComparison.Ordinal)), Is.EqualTo(18));
            Assert.That(observer.Finished.Select(scenario => scenario.Id).Order(), Is.EqualTo(result.Scenarios.Select(scenario => scenario.Id).Order()));
            Assert.That(observer.Finished, Has.Some.Matches<ScenarioResult>(scenario => scenario.Name == "Failing" && scenario.Status == ResultStatus.Failed));
        });
    }

    private sealed class RecordingObserver : IRunObserver
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public ConcurrentQueue<ScenarioResult> Finished { get; } = new();

        public void RunStarted(int scenarioCount) => Events.Enqueue($"run started: {scenarioCount}");

        public void ScenarioStarted(string featureName, string scenarioName) => Events.Enqueue($"started {featureName}: {scenarioName}");

        public void ScenarioFinished(ScenarioResult result)
        {
            Finished.Enqueue(result);
            Events.Enqueue($"finished {result.Id}");
        }

        public void RunFinished(RunResult result) => Events.Enqueue($"run finished: {result.Scenarios.Count}");
    }
}
