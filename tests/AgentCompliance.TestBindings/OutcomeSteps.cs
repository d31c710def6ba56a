using Reqnroll;

namespace AgentCompliance.TestBindings;

/// <summary>Steps that end in each non-passing outcome.</summary>
[Binding]
public sealed class OutcomeSteps
{
    [Given("a step that passes")]
    public void GivenAStepThatPasses()
    {
        // Passing is the point.
    }

    [When("a step fails with {string}")]
    public void WhenAStepFails(string message) => throw new InvalidOperationException(message);

    [Given("a step that is still pending")]
    public void GivenAStepThatIsStillPending() => throw new PendingStepException();

    [Given("an ambiguous step")]
    public void GivenAnAmbiguousStepHere()
    {
        // Matches together with AmbiguousTwin.GivenAnAmbiguousStepThere.
    }
}
