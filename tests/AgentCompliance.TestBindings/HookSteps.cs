using Reqnroll;

namespace AgentCompliance.TestBindings;

/// <summary>
/// Hooks of every kind. Each writes "hook: &lt;name&gt;" to the output helper, which the engine turns into step
/// evidence, so tests can read the order in which they ran.
/// </summary>
[Binding]
public sealed class HookSteps(IReqnrollOutputHelper output)
{
    public static int BeforeTestRunCount { get; private set; }

    [BeforeTestRun]
    public static void BeforeTestRun() => BeforeTestRunCount++;

    [BeforeFeature("hooks")]
    public static void BeforeFeature(IReqnrollOutputHelper featureOutput) => featureOutput.WriteLine("hook: BeforeFeature");

    [BeforeScenario("hooks", Order = 1)]
    public void BeforeScenario() => output.WriteLine("hook: BeforeScenario");

    [BeforeScenario("tagged-hook", Order = 2)]
    public void BeforeTaggedScenario() => output.WriteLine("hook: BeforeScenario @tagged-hook");

    [BeforeStep("hooks")]
    public void BeforeStep() => output.WriteLine("hook: BeforeStep");

    [AfterStep("hooks")]
    public void AfterStep() => output.WriteLine("hook: AfterStep");

    [AfterScenario("hooks")]
    public void AfterScenario() => output.WriteLine("hook: AfterScenario");

    [BeforeScenario("failing-before-hook")]
    public static void FailingBeforeScenario() => throw new InvalidOperationException("before-scenario hook broke");

    [AfterScenario("failing-after-hook")]
    public static void FailingAfterScenario() => throw new InvalidOperationException("after-scenario hook broke");

    [AfterStep("failing-after-step")]
    public static void FailingAfterStep() => throw new InvalidOperationException("after-step hook broke");

    [BeforeFeature("failing-before-feature")]
    public static void FailingBeforeFeature() => throw new InvalidOperationException("before-feature hook broke");

    [Then("the BeforeTestRun hook has run")]
    public static void ThenTheBeforeTestRunHookHasRun()
    {
        if (BeforeTestRunCount == 0)
        {
            throw new InvalidOperationException("BeforeTestRun did not run");
        }
    }
}
