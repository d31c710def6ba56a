using AgentCompliance.Core.Results;
using AgentCompliance.TestBindings;

namespace AgentCompliance.Scenarios.Tests;

public class InterruptionTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Cancelling_stops_the_run_and_marks_what_did_not_finish_as_not_run()
    {
        using var interruption = new CancellationTokenSource();
        using var temp = new TempFolder();

        // With a step time limit, steps run on a pool thread, so even one that blocks synchronously is abandoned.
        var run = EngineRuns.RunAsync(EngineRuns.Options("Interrupt", "Outcomes") with { StepTimeout = TimeSpan.FromMinutes(5), MessagesDirectory = temp.Path }, interruption.Token);

        // Interrupt exactly while the blocking step runs, as Ctrl-C would.
        Assert.That(await SlowSteps.BlockingStepStarted.WaitAsync(TimeSpan.FromSeconds(30)), Is.True, "the blocking step never started");
        await interruption.CancelAsync();
        RunResult result;
        try
        {
            result = await run;
        }
        finally
        {
            SlowSteps.ReleaseBlockingStep.Release();
        }

        var running = result.Scenario("Running when the user interrupts");
        var messages = CucumberMessageStream.Read(Path.Combine(temp.Path, "messages.ndjson"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Interrupted, Is.True);
            Assert.That(result.InterruptionReason, Is.Not.Null);
            Assert.That(result.Scenario("Runs before the interruption").Status, Is.EqualTo(ResultStatus.Passed));
            Assert.That(running.Status, Is.EqualTo(ResultStatus.NotRun));
            Assert.That(running.Steps[0].Status, Is.EqualTo(ResultStatus.NotRun));
            Assert.That(running.ErrorMessage, Does.Contain("interrupted"));
            Assert.That(result.Scenario("Never started").Status, Is.EqualTo(ResultStatus.NotRun));
            Assert.That(result.Scenarios.Where(scenario => scenario.FeatureName == "Every outcome").Select(scenario => scenario.Status), Is.All.EqualTo(ResultStatus.NotRun));
            Assert.That(result.Summary.Total, Is.EqualTo(9));
            Assert.That(messages.Problems, Is.Empty);
            Assert.That(messages.StatusByScenario, Is.EquivalentTo(new Dictionary<string, string>
            {
                [result.Scenario("Runs before the interruption").Id] = "PASSED",
                [running.Id] = "FAILED",
            }), "an interrupted test case must not look passed; scenarios that never started have none");
            Assert.That(messages.TestRunFinished.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(messages.TestRunFinished.GetProperty("message").GetString(), Does.Contain("cancelled"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Without_a_step_time_limit_an_awaiting_step_is_still_abandoned_when_the_user_interrupts()
    {
        using var interruption = new CancellationTokenSource();
        var run = EngineRuns.RunAsync(EngineRuns.Options("InterruptAsync"), interruption.Token);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await interruption.CancelAsync();

        var result = await run;

        var awaiting = result.Scenario("Awaiting when the user interrupts");
        Assert.Multiple(() =>
        {
            Assert.That(result.Interrupted, Is.True);
            Assert.That(awaiting.Status, Is.EqualTo(ResultStatus.NotRun));
            // Had the step been waited for, it would have passed after 30 s instead.
            Assert.That(awaiting.Steps[0].Status, Is.EqualTo(ResultStatus.NotRun));
        });
    }
}
