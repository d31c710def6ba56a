using Reqnroll;

namespace AgentCompliance.TestBindings;

/// <summary>Second binding for the same text as <see cref="OutcomeSteps.GivenAnAmbiguousStepHere"/>.</summary>
[Binding]
public sealed class AmbiguousTwin
{
    [Given(@"^an ambiguous (\w+)$")]
    public void GivenAnAmbiguousStepThere(string what)
    {
        _ = what;
    }
}
