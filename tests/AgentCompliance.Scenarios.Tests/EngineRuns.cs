using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>Runs the engine on the test feature files with the test bindings DLL, loaded by path.</summary>
internal static class EngineRuns
{
    public static string TestDirectory => TestContext.CurrentContext.TestDirectory;

    public static string FeaturesFolder => Path.Combine(TestDirectory, "Features");

    public static string BindingsDll => Path.Combine(TestDirectory, "AgentCompliance.TestBindings.dll");

    public static ScenarioRunOptions Options(params string[] featureSources) => new()
    {
        FeatureSources = [.. featureSources.Select(source => Path.Combine(FeaturesFolder, source))],
        BindingAssemblyPaths = [BindingsDll],
        WorkingDirectory = TestDirectory,
    };

    public static Task<RunResult> RunAsync(ScenarioRunOptions options, CancellationToken cancellationToken = default, params IRunObserver[] observers) =>
        new ScenarioEngine().RunAsync(options, observers, cancellationToken);

    public static ScenarioResult Scenario(this RunResult result, string name) =>
        result.Scenarios.Single(scenario => scenario.Name == name);
}
