namespace AgentCompliance.Features.Tests;

/// <summary>Every scenario of the configured features as one NUnit test (see <see cref="FeatureSuiteSettings"/>).</summary>
public sealed class FeatureScenarios
{
    public static IEnumerable<TestCaseData> Scenarios() => ScenarioTestCases.From(FeatureSuite.Configured);

    [TestCaseSource(nameof(Scenarios))]
    public Task Scenario(ScenarioCase scenario) => ScenarioTestAction.RunAsync(FeatureSuite.Configured, scenario);
}
