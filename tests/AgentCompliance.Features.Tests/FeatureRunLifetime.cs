namespace AgentCompliance.Features.Tests;

/// <summary>Stops the configured suite's runtime after the last test of this namespace: AfterFeature and
/// AfterTestRun hooks run once per test run, as they do for <c>agentcompliance run</c>.</summary>
[SetUpFixture]
public sealed class FeatureRunLifetime
{
    [OneTimeTearDown]
    public async Task StopRuntime()
    {
        foreach (var warning in await FeatureSuite.Configured.StopAsync())
        {
            await TestContext.Progress.WriteLineAsync($"warning: {warning}");
        }
    }
}
