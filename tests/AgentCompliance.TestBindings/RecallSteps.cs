using Reqnroll;

namespace AgentCompliance.TestBindings;

/// <summary>A second binding class reading what <see cref="NumberSteps"/> stored: proves context injection.</summary>
[Binding]
public sealed class RecallSteps(SharedNotes notes, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [Then("the other binding class sees {string}")]
    public void ThenTheOtherBindingClassSees(string expected)
    {
        if (notes.Remembered != expected)
        {
            throw new InvalidOperationException($"expected '{expected}' but the shared notes hold '{notes.Remembered}'");
        }
    }

    [Then("the scenario is called {string}")]
    public void ThenTheScenarioIsCalled(string expected)
    {
        if (scenario.ScenarioInfo.Title != expected)
        {
            throw new InvalidOperationException($"expected scenario title '{expected}' but was '{scenario.ScenarioInfo.Title}'");
        }
    }

    [Then("the example value {string} is {string}")]
    public void ThenTheExampleValueIs(string name, string expected)
    {
        var actual = scenario.ScenarioInfo.Arguments[name] as string;
        output.WriteLine($"example {name}={actual}");
        if (actual != expected)
        {
            throw new InvalidOperationException($"expected example value {name}={expected} but was {actual}");
        }
    }

    [Then("the scenario has the tag {string}")]
    public void ThenTheScenarioHasTheTag(string tag)
    {
        if (!scenario.ScenarioInfo.CombinedTags.Contains(tag))
        {
            throw new InvalidOperationException($"tag '{tag}' not among {string.Join(", ", scenario.ScenarioInfo.CombinedTags)}");
        }
    }

    [Then("the rule is {string}")]
    public void ThenTheRuleIs(string expected)
    {
        if (scenario.RuleInfo?.Title != expected)
        {
            throw new InvalidOperationException($"expected rule '{expected}' but was '{scenario.RuleInfo?.Title}'");
        }
    }
}
