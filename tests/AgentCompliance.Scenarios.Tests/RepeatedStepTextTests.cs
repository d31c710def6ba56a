using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>
/// The engine remembers which binding a step text matched; these runs repeat step texts so that a remembered match
/// is reused, and check that nothing of one step leaks into the next: tables, doc strings, scopes, arguments.
/// </summary>
public class RepeatedStepTextTests
{
    [Test]
    public async Task Same_text_with_different_tables_and_doc_strings_gets_each_its_own_argument()
    {
        using var temp = new TempFolder();
        var feature = temp.Write("features/repeated.feature", """
            Feature: Repeated steps
              Scenario: First table
                Given these agents:
                  | agent   | scope |
                  | planner | read  |
                And this policy:
                  ```
                  first policy
                  ```
                Then agent "planner" has scope "read"
                And the policy mentions "first"

              Scenario: Second table
                Given these agents:
                  | agent  | scope |
                  | mailer | send  |
                And this policy:
                  ```
                  second policy
                  ```
                Then agent "mailer" has scope "send"
                And the policy mentions "second"

              Scenario: Same texts, other numbers
                Given the number 2
                When I add 3
                Then the total is 5

              Scenario: Same texts again
                Given the number 2
                When I add 4
                Then the total is 6
            """);

        var result = await new ScenarioEngine().RunAsync(new ScenarioRunOptions
        {
            FeatureSources = [feature],
            BindingAssemblyPaths = [EngineRuns.BindingsDll],
            WorkingDirectory = temp.Path,
        });

        Assert.Multiple(() =>
        {
            Assert.That(result.Scenarios.Select(scenario => (scenario.Name, scenario.Status)), Is.EqualTo(new[]
            {
                ("First table", ResultStatus.Passed), ("Second table", ResultStatus.Passed),
                ("Same texts, other numbers", ResultStatus.Passed), ("Same texts again", ResultStatus.Passed),
            }), string.Join("; ", result.Scenarios.Select(scenario => scenario.ErrorMessage)));
            Assert.That(result.Scenario("Second table").Steps[0].Evidence.Single().Text, Is.EqualTo("agents: mailer=send"));
        });
    }

    [Test]
    public async Task A_scoped_binding_is_chosen_per_scenario_even_when_the_text_repeats()
    {
        using var temp = new TempFolder();
        var steps = BindingCompiler.Compile(Path.Combine(temp.Path, "bin"), $"ScopedSteps{Guid.NewGuid():N}", """
            using Reqnroll;
            namespace ScopedSteps;
            [Binding]
            public sealed class Steps(IReqnrollOutputHelper output)
            {
                [Given("the environment is checked")]
                public void Anywhere() => output.WriteLine("general");

                [Given("the environment is checked"), Scope(Tag = "production")]
                public void InProduction() => output.WriteLine("production");
            }
            """);
        var feature = temp.Write("features/scoped.feature", """
            Feature: Scoped steps
              Scenario: Anywhere first
                Given the environment is checked

              @production
              Scenario: Production
                Given the environment is checked

              Scenario: Anywhere again
                Given the environment is checked
            """);

        var result = await new ScenarioEngine().RunAsync(new ScenarioRunOptions
        {
            FeatureSources = [feature],
            BindingAssemblyPaths = [steps],
            WorkingDirectory = temp.Path,
        });

        Assert.That(
            result.Scenarios.Select(scenario => $"{scenario.Name}: {scenario.Status} {scenario.Steps.Single().Evidence.SingleOrDefault()?.Text}"),
            Is.EqualTo(new[] { "Anywhere first: Passed general", "Production: Passed production", "Anywhere again: Passed general" }));
    }
}
