using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Tests;

public class TimeoutTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task A_step_over_the_time_limit_fails_with_a_clear_message_and_the_run_goes_on()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Timeouts") with { StepTimeout = TimeSpan.FromSeconds(1) });

        var blocking = result.Scenario("A blocking step");
        var awaiting = result.Scenario("An awaiting step");
        Assert.Multiple(() =>
        {
            Assert.That(blocking.Status, Is.EqualTo(ResultStatus.Failed));
            Assert.That(blocking.Steps.Select(step => step.Status), Is.EqualTo(new[] { ResultStatus.Failed, ResultStatus.Skipped }));
            Assert.That(blocking.Steps[0].ErrorMessage, Is.EqualTo("step timed out after 1 s"));
            Assert.That(awaiting.Status, Is.EqualTo(ResultStatus.Failed));
            Assert.That(awaiting.Steps[0].ErrorMessage, Is.EqualTo("step timed out after 1 s"));
            Assert.That(awaiting.ErrorMessage, Is.EqualTo("Given a step that waits 20 seconds: step timed out after 1 s"));
            Assert.That(result.Scenario("A quick scenario").Status, Is.EqualTo(ResultStatus.Passed));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Blocked_steps_do_not_hold_up_healthy_scenarios_running_beside_them()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Timeouts", "Parallel") with { StepTimeout = TimeSpan.FromSeconds(1), Parallelism = 4 });

        var parallel = result.Scenarios.Where(scenario => scenario.FeatureName.StartsWith("Parallel", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(parallel.Count(scenario => scenario.Status == ResultStatus.Passed), Is.EqualTo(8));
            Assert.That(parallel.Where(scenario => scenario.Status == ResultStatus.Failed).Select(scenario => scenario.ErrorMessage), Has.Exactly(4).EndsWith("broke"));
            Assert.That(result.Summary.Failed, Is.EqualTo(4 + 2));
        });
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void A_non_positive_timeout_is_invalid_input(int seconds)
    {
        var error = Assert.ThrowsAsync<InvalidInputException>(() => EngineRuns.RunAsync(EngineRuns.Options("Outcomes") with { StepTimeout = TimeSpan.FromSeconds(seconds) }))!;

        Assert.That(error.Problems.Single().File, Is.EqualTo("--step-timeout"));
    }
}
