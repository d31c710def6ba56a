using Reqnroll;

namespace AgentCompliance.TestBindings;

/// <summary>Steps that take too long: one blocks its thread, one awaits, one waits for a test to let it go.</summary>
[Binding]
public sealed class SlowSteps
{
    /// <summary>Released by the test when it has seen <see cref="BlockingStepStarted"/>.</summary>
    public static SemaphoreSlim BlockingStepStarted { get; } = new(0);

    public static SemaphoreSlim ReleaseBlockingStep { get; } = new(0);

    [Given("a step that blocks for {int} seconds")]
    public void GivenAStepThatBlocks(int seconds) => Thread.Sleep(TimeSpan.FromSeconds(seconds));

    [Given("a step that waits {int} seconds")]
    public async Task GivenAStepThatWaits(int seconds) => await Task.Delay(TimeSpan.FromSeconds(seconds));

    [Given("a step that runs until the test releases it")]
    public void GivenAStepThatRunsUntilReleased()
    {
        BlockingStepStarted.Release();
        ReleaseBlockingStep.Wait(TimeSpan.FromSeconds(30));
    }
}
