using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Tests;

public class ParallelTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Running_features_concurrently_gives_the_same_results_as_one_at_a_time()
    {
        var sequential = await EngineRuns.RunAsync(EngineRuns.Options("Parallel", "Core", "Outcomes") with { Parallelism = 1 });
        var parallel = await EngineRuns.RunAsync(EngineRuns.Options("Parallel", "Core", "Outcomes") with { Parallelism = 4 });

        static IEnumerable<string> Outcomes(RunResult result) =>
            result.Scenarios.Select(scenario => $"{scenario.Id} {scenario.Status} {scenario.ErrorMessage} | {string.Join(", ", scenario.Steps.Select(step => step.Status))}");

        Assert.Multiple(() =>
        {
            Assert.That(Outcomes(parallel), Is.EqualTo(Outcomes(sequential)));
            Assert.That(parallel.Summary.Passed, Is.EqualTo(8 + 7 + 1), "4 parallel features x 2, 7 core scenarios, 1 passing outcome");
            Assert.That(parallel.Scenarios.Where(scenario => scenario.Name.EndsWith("fails on purpose", StringComparison.Ordinal)).Select(scenario => scenario.ErrorMessage), Is.All.Contains("broke"));
        });
    }
}
