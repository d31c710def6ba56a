using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>Every step outcome Reqnroll can produce, reported as such (never as a pass).</summary>
public class OutcomeTests
{
    private RunResult _result = null!;

    [OneTimeSetUp]
    public async Task RunOutcomesFeature() => _result = await EngineRuns.RunAsync(EngineRuns.Options("Outcomes"));

    [Test]
    public void Each_scenario_gets_its_own_status()
    {
        var summary = _result.Summary;

        Assert.Multiple(() =>
        {
            Assert.That(summary.Total, Is.EqualTo(6));
            Assert.That(summary.Passed, Is.EqualTo(1));
            Assert.That(summary.Failed, Is.EqualTo(1));
            Assert.That(summary.Undefined, Is.EqualTo(1));
            Assert.That(summary.Pending, Is.EqualTo(1));
            Assert.That(summary.Ambiguous, Is.EqualTo(1));
            Assert.That(summary.Skipped, Is.EqualTo(1));
            Assert.That(summary.Unsuccessful, Is.EqualTo(4));
            Assert.That(_result.Interrupted, Is.False);
        });
    }

    [Test]
    public void A_failing_step_carries_its_message_and_later_steps_are_skipped()
    {
        var scenario = _result.Scenario("Failing");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Steps.Select(step => step.Status), Is.EqualTo(new[] { ResultStatus.Passed, ResultStatus.Failed, ResultStatus.Skipped }));
            Assert.That(scenario.Steps[1].ErrorMessage, Is.EqualTo("InvalidOperationException: token was not revoked"));
            Assert.That(scenario.Steps[1].BoundMethod, Is.EqualTo("AgentCompliance.TestBindings.OutcomeSteps.WhenAStepFails(String)"));
            Assert.That(scenario.ErrorMessage, Does.Contain("token was not revoked"));
            Assert.That(scenario.Id, Is.EqualTo("outcomes.feature:6"));
            Assert.That(scenario.Line, Is.EqualTo(6));
        });
    }

    [Test]
    public void An_undefined_step_suggests_a_snippet_and_the_closest_existing_pattern()
    {
        var step = _result.Scenario("Undefined").Steps[1];

        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(ResultStatus.Undefined));
            Assert.That(step.BoundMethod, Is.Null);
            Assert.That(step.Snippet, Does.Contain("[When(\"the numbr {int} is added\")]"));
            Assert.That(step.Snippet, Does.Contain("public void"));
            Assert.That(step.Candidates, Is.Not.Empty);
            Assert.That(step.Candidates[0], Does.StartWith("Given the number {int} [AgentCompliance.TestBindings.NumberSteps.GivenTheNumber(Int32)]"));
        });
    }

    [Test]
    public void A_pending_step_is_pending()
    {
        var scenario = _result.Scenario("Pending");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Status, Is.EqualTo(ResultStatus.Pending));
            Assert.That(scenario.Steps.Select(step => step.Status), Is.EqualTo(new[] { ResultStatus.Pending, ResultStatus.Skipped }));
        });
    }

    [Test]
    public void An_ambiguous_step_names_every_matching_binding()
    {
        var step = _result.Scenario("Ambiguous").Steps[0];

        Assert.Multiple(() =>
        {
            Assert.That(step.Status, Is.EqualTo(ResultStatus.Ambiguous));
            Assert.That(step.Candidates, Has.Count.EqualTo(2));
            Assert.That(step.Candidates, Has.Some.Contains("OutcomeSteps.GivenAnAmbiguousStepHere()"));
            Assert.That(step.Candidates, Has.Some.Contains("AmbiguousTwin.GivenAnAmbiguousStepThere(String)"));
        });
    }

    [Test]
    public void An_ignored_scenario_is_skipped_without_running_its_steps()
    {
        var scenario = _result.Scenario("Ignored");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Status, Is.EqualTo(ResultStatus.Skipped));
            Assert.That(scenario.Steps.Select(step => step.Status), Is.All.EqualTo(ResultStatus.Skipped));
            Assert.That(scenario.Tags, Does.Contain("ignore"));
        });
    }
}
