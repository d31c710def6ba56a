using AgentCompliance.Scenarios.Bindings;

namespace AgentCompliance.Steps.Tests;

/// <summary>The built-in library documents every step well enough for the generated step reference.</summary>
public class StepReferenceTests
{
    private static readonly StepCatalog BuiltIn = StepCatalog.Load([StepLibrary.Assembly]);

    public static IEnumerable<TestCaseData> BuiltInSteps() =>
        BuiltIn.Steps.Select(step => new TestCaseData(step).SetArgDisplayNames(Name(step)));

    [TestCaseSource(nameof(BuiltInSteps))]
    public void Has_a_summary_and_an_example_that_binds_to_this_step_alone(StepDefinitionDescription step)
    {
        var exampleStepLine = step.Example.Split('\n')[0];

        Assert.Multiple(() =>
        {
            Assert.That(step.Description, Is.Not.Empty, "add a <summary> to the step method: it is the step's description in docs/steps.md");
            Assert.That(step.Example, Is.Not.Empty, "add an <example> with a step line as written in a feature file, e.g. <example>Then …</example>");
            Assert.That(BuiltIn.Matching(exampleStepLine).Select(Name), Is.EqualTo(new[] { Name(step) }), $"the example '{exampleStepLine}' must bind to this step's pattern and to no other built-in step");
        });
    }

    private static string Name(StepDefinitionDescription step) => $"{step.BindingClass}.{step.Method}";

    [Test]
    public void Every_binding_class_says_what_its_steps_are_about()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BuiltIn.Classes, Is.Not.Empty);
            Assert.That(BuiltIn.Classes.Where(bindingClass => bindingClass.Description.Length == 0).Select(bindingClass => bindingClass.FullName), Is.Empty, "add a <summary> to these binding classes");
            Assert.That(BuiltIn.Steps.Select(step => step.Pattern), Does.Contain("the system model {string}"));
        });
    }
}
