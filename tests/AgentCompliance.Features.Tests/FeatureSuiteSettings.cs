namespace AgentCompliance.Features.Tests;

/// <summary>
/// Which feature files and binding DLLs the NUnit run covers. A runsettings parameter wins over the environment
/// variable of the same meaning; without either, the run covers this project's own Features folder with the test
/// bindings. Several values are separated by <c>;</c> (or the platform's path separator). Relative paths are resolved
/// against the test process's working directory (the test output folder under <c>dotnet test</c>), so prefer absolute
/// paths.
/// </summary>
/// <param name="FeatureSources">Folders, <c>.feature</c> files or globs, as <c>agentcompliance run --features</c> takes them.</param>
/// <param name="BindingAssemblyPaths">Binding DLLs in addition to the built-in step library.</param>
public sealed record FeatureSuiteSettings(IReadOnlyList<string> FeatureSources, IReadOnlyList<string> BindingAssemblyPaths)
{
    public const string FeaturesVariable = "AGENTCOMPLIANCE_FEATURES";
    public const string BindingsVariable = "AGENTCOMPLIANCE_BINDINGS";
    public const string FeaturesParameter = "AgentComplianceFeatures";
    public const string BindingsParameter = "AgentComplianceBindings";
    public const string DefaultFeaturesFolder = "Features";
    public const string DefaultBindingsFile = "AgentCompliance.TestBindings.dll";

    private static readonly char[] Separators = [';', Path.PathSeparator];

    /// <summary>The settings of this test run: runsettings parameters, then environment variables, then defaults.</summary>
    public static FeatureSuiteSettings FromTestRun() =>
        Resolve(name => TestContext.Parameters.Get(name), Environment.GetEnvironmentVariable, AppContext.BaseDirectory);

    /// <param name="parameter">Looks up a runsettings <c>TestRunParameters</c> value.</param>
    /// <param name="environment">Looks up an environment variable.</param>
    /// <param name="testDirectory">Where the default Features folder and test bindings are.</param>
    public static FeatureSuiteSettings Resolve(Func<string, string?> parameter, Func<string, string?> environment, string testDirectory)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(environment);
        var features = Split(First(parameter(FeaturesParameter), environment(FeaturesVariable)));
        var bindings = Split(First(parameter(BindingsParameter), environment(BindingsVariable)));
        if (features.Count > 0)
        {
            // Someone else's features: only the bindings they name (plus the built-in library), never our test bindings.
            return new FeatureSuiteSettings(features, bindings);
        }

        return new FeatureSuiteSettings(
            [Path.Combine(testDirectory, DefaultFeaturesFolder)],
            bindings.Count > 0 ? bindings : [Path.Combine(testDirectory, DefaultBindingsFile)]);
    }

    private static string? First(string? preferred, string? fallback) =>
        string.IsNullOrWhiteSpace(preferred) ? fallback : preferred;

    private static List<string> Split(string? value) =>
        value is null ? [] : [.. value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
