namespace AgentCompliance.Features.Tests.SelfTests;

public class FeatureSuiteSettingsTests
{
    private const string TestDirectory = "/tests";

    private static FeatureSuiteSettings Resolve(Dictionary<string, string> parameters, Dictionary<string, string> environment) =>
        FeatureSuiteSettings.Resolve(name => parameters.GetValueOrDefault(name), name => environment.GetValueOrDefault(name), TestDirectory);

    [Test]
    public void Without_settings_the_own_features_run_with_the_test_bindings()
    {
        var settings = Resolve([], []);

        Assert.Multiple(() =>
        {
            Assert.That(settings.FeatureSources, Is.EqualTo(new[] { Path.Combine(TestDirectory, "Features") }));
            Assert.That(settings.BindingAssemblyPaths, Is.EqualTo(new[] { Path.Combine(TestDirectory, "AgentCompliance.TestBindings.dll") }));
        });
    }

    [Test]
    public void Environment_variables_point_at_other_features_and_bindings_without_the_test_bindings()
    {
        var onlyFeatures = Resolve([], new() { [FeatureSuiteSettings.FeaturesVariable] = "/repo/features" });
        var both = Resolve([], new()
        {
            [FeatureSuiteSettings.FeaturesVariable] = "/repo/features/identity; /repo/features/tools",
            [FeatureSuiteSettings.BindingsVariable] = "/repo/bin/MySteps.dll",
        });

        Assert.Multiple(() =>
        {
            Assert.That(onlyFeatures.FeatureSources, Is.EqualTo(new[] { "/repo/features" }));
            Assert.That(onlyFeatures.BindingAssemblyPaths, Is.Empty, "the built-in library is always there; the test bindings are not");
            Assert.That(both.FeatureSources, Is.EqualTo(new[] { "/repo/features/identity", "/repo/features/tools" }));
            Assert.That(both.BindingAssemblyPaths, Is.EqualTo(new[] { "/repo/bin/MySteps.dll" }));
        });
    }

    [Test]
    public void Runsettings_parameters_win_over_environment_variables()
    {
        var settings = Resolve(
            new() { [FeatureSuiteSettings.FeaturesParameter] = "/from/runsettings", [FeatureSuiteSettings.BindingsParameter] = "" },
            new() { [FeatureSuiteSettings.FeaturesVariable] = "/from/environment", [FeatureSuiteSettings.BindingsVariable] = "/env/Steps.dll" });

        Assert.Multiple(() =>
        {
            Assert.That(settings.FeatureSources, Is.EqualTo(new[] { "/from/runsettings" }));
            Assert.That(settings.BindingAssemblyPaths, Is.EqualTo(new[] { "/env/Steps.dll" }), "an empty parameter does not hide the variable");
        });
    }
}
