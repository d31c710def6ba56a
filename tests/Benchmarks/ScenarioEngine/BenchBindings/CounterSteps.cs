using Reqnroll;

namespace AgentCompliance.Benchmarks.BenchBindings;

/// <summary>Trivial steps: the benchmark measures the engine, not the steps. Mirrors steps.cjs.</summary>
[Binding]
public sealed class CounterSteps
{
    private int _counter;

    [Given("a counter at {int}")]
    public void GivenACounterAt(int start) => _counter = start;

    [When("the counter is increased by {int}")]
    public void WhenTheCounterIsIncreasedBy(int by) => _counter += by;

    [Then("the counter equals {int}")]
    public void ThenTheCounterEquals(int expected)
    {
        if (_counter != expected)
        {
            throw new InvalidOperationException($"expected {expected} but was {_counter}");
        }
    }

    [Then("the counter is positive")]
    public void ThenTheCounterIsPositive()
    {
        if (_counter <= 0)
        {
            throw new InvalidOperationException($"expected a positive counter but was {_counter}");
        }
    }
}
