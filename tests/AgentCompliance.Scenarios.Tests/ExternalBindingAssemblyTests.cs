using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>Binding DLLs built elsewhere, loaded by path next to each other, with dependencies from their folder.</summary>
public class ExternalBindingAssemblyTests
{
    [Test]
    public async Task Several_binding_assemblies_run_together_and_dependencies_load_from_the_dll_folder()
    {
        using var temp = new TempFolder();
        var suffix = Guid.NewGuid().ToString("N");
        var library = Path.Combine(temp.Path, "user-steps");
        var dependency = BindingCompiler.Compile(library, $"Greeting{suffix}", """
            namespace Greetings;
            public static class Greeting { public static string For(string who) => "hello " + who; }
            """);
        var steps = BindingCompiler.Compile(library, $"UserSteps{suffix}", """
            using Reqnroll;
            namespace UserSteps;
            [Binding]
            public sealed class GreetingSteps(IReqnrollOutputHelper output)
            {
                [Given("the user library greets {string}")]
                public void Greets(string who) => output.WriteLine(Greetings.Greeting.For(who));
            }
            """, dependency);
        var feature = temp.Write("features/mixed.feature", """
            Feature: Mixed bindings
              Scenario: Steps from two assemblies
                Given the number 4
                And the user library greets "ops"
                Then the total is 4
            """);

        var result = await new ScenarioEngine().RunAsync(new ScenarioRunOptions
        {
            FeatureSources = [feature],
            BindingAssemblyPaths = [EngineRuns.BindingsDll, steps],
            WorkingDirectory = temp.Path,
        });

        var scenario = result.Scenarios.Single();
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Status, Is.EqualTo(ResultStatus.Passed), scenario.ErrorMessage);
            Assert.That(scenario.Steps[1].BoundMethod, Is.EqualTo("UserSteps.GreetingSteps.Greets(String)"));
            Assert.That(scenario.Steps[1].Evidence.Single().Text, Is.EqualTo("hello ops"));
            Assert.That(scenario.Steps[0].BoundMethod, Does.StartWith("AgentCompliance.TestBindings."));
        });
    }

    [Test]
    public void An_invalid_step_definition_is_reported_as_invalid_input_before_anything_runs()
    {
        using var temp = new TempFolder();
        var steps = BindingCompiler.Compile(Path.Combine(temp.Path, "bad"), $"BadSteps{Guid.NewGuid():N}", """
            using Reqnroll;
            namespace BadSteps;
            [Binding]
            public sealed class Broken
            {
                [Given("^an unbalanced (group$")]
                public void Unbalanced(string text) { }
            }
            """);

        var error = Assert.ThrowsAsync<InvalidInputException>(() => EngineRuns.RunAsync(EngineRuns.Options("Outcomes") with { BindingAssemblyPaths = [steps] }))!;

        Assert.That(error.Problems.Single().Message, Does.StartWith("invalid binding: ").And.Contain("an unbalanced (group"));
    }
}
