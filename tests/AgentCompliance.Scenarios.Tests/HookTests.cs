using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Tests;

public class HookTests
{
    [Test]
    public async Task Hooks_run_in_lifecycle_order_including_tag_scoped_ones()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Hooks"));
        var scenario = result.Scenarios.Single();
        var order = scenario.Steps.SelectMany(step => step.Evidence).Select(item => item.Text);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Status, Is.EqualTo(ResultStatus.Passed), "the second step checks that BeforeTestRun ran");
            Assert.That(scenario.Steps[0].Evidence.Select(item => item.Text).Last(), Is.EqualTo("hook: AfterStep"), "AfterStep output belongs to the step it follows");
            Assert.That(scenario.Steps[1].Evidence.Select(item => item.Text), Is.EqualTo(new[] { "hook: BeforeStep", "hook: AfterStep", "hook: AfterScenario" }));
            Assert.That(order, Is.EqualTo(new[]
            {
                "hook: BeforeFeature", "hook: BeforeScenario", "hook: BeforeScenario @tagged-hook",
                "hook: BeforeStep", "hook: AfterStep", "hook: BeforeStep", "hook: AfterStep", "hook: AfterScenario",
            }));
        });
    }

    [Test]
    public async Task A_throwing_hook_fails_its_scenario_and_nothing_else()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Failures/hook-failures.feature"));

        var before = result.Scenario("A BeforeScenario hook throws");
        var after = result.Scenario("An AfterScenario hook throws");
        var afterStep = result.Scenario("An AfterStep hook throws");
        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(ResultStatus.Failed));
            Assert.That(before.ErrorMessage, Is.EqualTo("[BeforeScenario] AgentCompliance.TestBindings.HookSteps.FailingBeforeScenario(): InvalidOperationException: before-scenario hook broke"));
            Assert.That(before.Steps.Single().Status, Is.EqualTo(ResultStatus.Skipped));
            Assert.That(after.Status, Is.EqualTo(ResultStatus.Failed));
            Assert.That(after.Steps.Single().Status, Is.EqualTo(ResultStatus.Passed));
            Assert.That(after.ErrorMessage, Does.Contain("after-scenario hook broke"));
            Assert.That(afterStep.Status, Is.EqualTo(ResultStatus.Failed));
            Assert.That(afterStep.Steps.Select(step => step.Status), Is.EqualTo(new[] { ResultStatus.Passed, ResultStatus.Skipped }));
            Assert.That(result.Scenario("Scenarios after failing hooks still run").Status, Is.EqualTo(ResultStatus.Passed));
        });
    }

    [Test]
    public async Task A_throwing_BeforeFeature_hook_fails_every_scenario_of_the_feature()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Failures/before-feature.feature"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Scenarios.Select(scenario => scenario.Status), Is.EqualTo(new[] { ResultStatus.Failed, ResultStatus.Failed }));
            Assert.That(result.Scenarios.Select(scenario => scenario.ErrorMessage), Is.All.Contains("[BeforeFeature] hook failed: InvalidOperationException: before-feature hook broke"));
        });
    }
}
