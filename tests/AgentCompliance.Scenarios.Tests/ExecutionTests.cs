using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>What bindings rely on: expressions, arguments, injection, backgrounds, rules, outlines, languages.</summary>
public class ExecutionTests
{
    private RunResult _result = null!;

    [OneTimeSetUp]
    public async Task RunCoreAndLocalizedFeatures() => _result = await EngineRuns.RunAsync(EngineRuns.Options("Core", "Localized"));

    [Test]
    public void Every_scenario_passes()
    {
        var failures = _result.Scenarios.Where(scenario => scenario.Status != ResultStatus.Passed).Select(scenario => $"{scenario.Id}: {scenario.ErrorMessage}");

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(_result.Scenarios, Has.Count.EqualTo(8));
        });
    }

    [Test]
    public void DataTable_and_DocString_values_reach_the_binding()
    {
        var steps = _result.Scenario("DataTable and DocString arguments arrive intact").Steps;

        Assert.Multiple(() =>
        {
            Assert.That(steps[1].Evidence.Select(item => item.Text), Is.EqualTo(new[] { "agents: planner=read; mailer=send" }));
            Assert.That(steps[2].Evidence.Select(item => item.Text), Is.EqualTo(new[] { "policy: deny unless scope == \"read\"" }));
            Assert.That(steps[2].Evidence[0].Kind, Is.EqualTo("output"));
            Assert.That(steps[1].BoundMethod, Is.EqualTo("AgentCompliance.TestBindings.ArgumentSteps.GivenTheseAgents(DataTable)"));
        });
    }

    [Test]
    public void Background_steps_come_first_and_keep_their_own_line()
    {
        var scenario = _result.Scenario("Cucumber expressions, regex and async steps");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Steps.Select(step => $"{step.Keyword} {step.Text}"), Is.EqualTo(new[]
            {
                "Given the number 2", "When I add 3", "And an async step waits 10 ms", "Then the total is 5",
            }));
            Assert.That(scenario.Steps.Select(step => step.Line), Is.EqualTo(new[] { 6, 9, 10, 11 }));
            Assert.That(scenario.Steps[3].BoundMethod, Is.EqualTo("AgentCompliance.TestBindings.NumberSteps.ThenTheTotalIs(Int32)"));
        });
    }

    [Test]
    public void Outline_rows_are_scenarios_with_their_example_and_the_row_line_as_id()
    {
        var rows = _result.Scenarios.Where(scenario => scenario.Example is not null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(row => row.Id), Is.EqualTo(new[] { "basics.feature:39", "basics.feature:40", "basics.feature:45" }));
            Assert.That(rows.Select(row => row.Name), Is.EqualTo(new[] { "Outline planner adds 1", "Outline mailer adds 2", "Outline ranker adds 40" }));
            Assert.That(rows[0].Example, Is.EqualTo("agent=planner, more=1, total=3"));
            Assert.That(rows[2].Tags, Is.EqualTo(new[] { "core", "ASI03", "severity:high", "slow" }));
        });
    }

    [Test]
    public void Rules_pass_their_name_and_background_to_their_scenarios()
    {
        var scenario = _result.Scenario("Rule scenarios see the rule and both backgrounds");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Rule, Is.EqualTo("Tokens are short-lived"));
            Assert.That(scenario.Steps[1].Text, Is.EqualTo("I remember \"rule-background\""));
        });
    }

    [Test]
    public void Tags_give_controls_and_severity()
    {
        var tableScenario = _result.Scenario("DataTable and DocString arguments arrive intact");
        var plain = _result.Scenario("Cucumber expressions, regex and async steps");

        Assert.Multiple(() =>
        {
            Assert.That(tableScenario.Controls, Is.EqualTo(new[] { "ASI03", "NHI7" }));
            Assert.That(tableScenario.Severity, Is.EqualTo("critical"));
            Assert.That(plain.Controls, Is.EqualTo(new[] { "ASI03" }));
            Assert.That(plain.Severity, Is.EqualTo("high"));
            Assert.That(plain.FeatureName, Is.EqualTo("Engine basics"));
            Assert.That(plain.FeatureFile, Is.EqualTo("basics.feature"));
        });
    }

    [Test]
    public void A_feature_in_another_language_runs_with_its_keywords()
    {
        var scenario = _result.Scenario("Gurken essen");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Status, Is.EqualTo(ResultStatus.Passed));
            Assert.That(scenario.Steps.Select(step => step.Keyword), Is.EqualTo(new[] { "Angenommen", "Wenn", "Und", "Dann", "Aber" }));
            Assert.That(scenario.FeatureName, Is.EqualTo("Gurken zählen"));
        });
    }
}
