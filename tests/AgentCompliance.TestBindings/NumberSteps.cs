using Reqnroll;

namespace AgentCompliance.TestBindings;

/// <summary>Cucumber expressions, a regex step and an async step over injected state.</summary>
[Binding]
public sealed class NumberSteps(SharedNotes notes)
{
    [Given("the number {int}")]
    public void GivenTheNumber(int number) => notes.Total = number;

    [When("I add {int}")]
    public void WhenIAdd(int number) => notes.Total += number;

    [When("an async step waits {int} ms")]
    public async Task WhenAnAsyncStepWaits(int milliseconds) => await Task.Delay(milliseconds);

    [Then(@"^the total is (\d+)$")]
    public void ThenTheTotalIs(int expected)
    {
        if (notes.Total != expected)
        {
            throw new InvalidOperationException($"expected total {expected} but was {notes.Total}");
        }
    }

    [Given("I remember {string}")]
    public void GivenIRemember(string text) => notes.Remembered = text;

    [Given("ich habe {int} Gurken")]
    public void GivenIchHabeGurken(int count) => notes.Total = count;

    [When("ich {int} Gurken esse")]
    public void WhenIchGurkenEsse(int count) => notes.Total -= count;

    [Then("habe ich {int} Gurken")]
    public void ThenHabeIchGurken(int count) => ThenTheTotalIs(count);
}
