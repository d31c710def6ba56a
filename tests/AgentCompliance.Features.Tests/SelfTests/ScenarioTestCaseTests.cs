using AgentCompliance.Scenarios.Execution;
using AgentCompliance.Steps;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace AgentCompliance.Features.Tests.SelfTests;

/// <summary>The NUnit integration itself: test names, categories, and outcomes of the test-case action.</summary>
public class ScenarioTestCaseTests
{
    private static readonly string TestDirectory = AppContext.BaseDirectory;

    private readonly List<FeatureSuite> _suites = [];

    [OneTimeTearDown]
    public async Task StopSuites()
    {
        foreach (var suite in _suites)
        {
            await suite.DisposeAsync();
        }
    }

    private FeatureSuite Suite(string features, params string[] bindings)
    {
        var settings = new FeatureSuiteSettings(
            [Path.Combine(TestDirectory, features)],
            bindings.Length > 0 ? bindings : [Path.Combine(TestDirectory, FeatureSuiteSettings.DefaultBindingsFile)]);
        var suite = new FeatureSuite(settings, new ScenarioEngine([StepLibrary.Assembly]), TestDirectory);
        _suites.Add(suite);
        return suite;
    }

    /// <summary>Runs the test-case action in a context of its own, so its assertion does not fail this test.</summary>
    private static async Task<Exception?> OutcomeOfAsync(FeatureSuite suite, string testName)
    {
        var scenario = (ScenarioCase)ScenarioTestCases.From(suite).Single(data => data.TestName == testName).Arguments[0]!;
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                await ScenarioTestAction.RunAsync(suite, scenario);
                return null;
            }
            catch (ResultStateException outcome)
            {
                return outcome;
            }
        }
    }

    private static IReadOnlyList<string> Categories(TestCaseData data) =>
        [.. data.Properties[PropertyNames.Category].Cast<string>()];

    [Test]
    public void Every_scenario_and_outline_example_is_one_test_named_feature_then_scenario_then_example()
    {
        var names = ScenarioTestCases.From(Suite(FeatureSuiteSettings.DefaultFeaturesFolder)).Select(data => data.TestName);

        Assert.That(names, Is.EqualTo(new[]
        {
            "Step arguments: A DataTable reaches the binding",
            "Step arguments: A DocString reaches the binding",
            "Step arguments: An ignored scenario is reported as ignored",
            "Arithmetic on the hosted runtime: Adding to the background number",
            "Arithmetic on the hosted runtime: Context injection shares state between binding classes",
            "Arithmetic on the hosted runtime: Adding 1: more=1, total=3",
            "Arithmetic on the hosted runtime: Adding 2: more=2, total=4",
            "Arithmetic on the hosted runtime: Adding 40: more=40, total=42",
            "Arithmetic on the hosted runtime: A rule scenario sees its rule",
        }));
    }

    [Test]
    public void Feature_rule_scenario_and_examples_tags_become_categories_without_the_at_sign()
    {
        var cases = ScenarioTestCases.From(Suite(FeatureSuiteSettings.DefaultFeaturesFolder)).ToDictionary(data => data.TestName!);

        Assert.Multiple(() =>
        {
            Assert.That(Categories(cases["Arithmetic on the hosted runtime: Adding to the background number"]), Is.EqualTo(new[] { "nunit", "smoke", "ASI03" }));
            Assert.That(Categories(cases["Arithmetic on the hosted runtime: Adding 2: more=2, total=4"]), Is.EqualTo(new[] { "nunit", "smoke" }));
            Assert.That(Categories(cases["Arithmetic on the hosted runtime: Adding 40: more=40, total=42"]), Is.EqualTo(new[] { "nunit", "slow" }));
            Assert.That(Categories(cases["Arithmetic on the hosted runtime: A rule scenario sees its rule"]), Is.EqualTo(new[] { "nunit", "severity:high", "NHI7" }));
            Assert.That(Categories(cases["Arithmetic on the hosted runtime: Context injection shares state between binding classes"]), Is.EqualTo(new[] { "nunit" }));
            Assert.That(cases["Step arguments: A DataTable reaches the binding"].Properties.Get(PropertyNames.Description), Is.EqualTo("arguments.feature:5"));
        });
    }

    [Test]
    public async Task Only_a_passed_scenario_passes_and_an_ignored_one_is_ignored()
    {
        var suite = Suite("TestData/Outcomes");

        var passing = await OutcomeOfAsync(suite, "Every outcome: Passing");
        var failing = await OutcomeOfAsync(suite, "Every outcome: Failing");
        var undefined = await OutcomeOfAsync(suite, "Every outcome: Undefined");
        var pending = await OutcomeOfAsync(suite, "Every outcome: Pending");
        var ambiguous = await OutcomeOfAsync(suite, "Every outcome: Ambiguous");
        var ignored = await OutcomeOfAsync(suite, "Every outcome: Ignored");

        Assert.Multiple(() =>
        {
            Assert.That(passing, Is.Null);
            Assert.That(failing, Is.TypeOf<AssertionException>());
            Assert.That(failing?.Message, Does.StartWith("failed (outcomes.feature:8): When a step fails with \"token was not revoked\": InvalidOperationException: token was not revoked"));
            Assert.That(undefined, Is.TypeOf<AssertionException>());
            Assert.That(undefined?.Message, Does.Contain("When the numbr 5 is added (line 15)").And.Contain("[When(\"the numbr {int} is added\")]"));
            Assert.That(pending, Is.TypeOf<AssertionException>());
            Assert.That(pending?.Message, Does.StartWith("pending (outcomes.feature:17)"));
            Assert.That(ambiguous, Is.TypeOf<AssertionException>());
            Assert.That(ambiguous?.Message, Does.Contain("OutcomeSteps.GivenAnAmbiguousStepHere").And.Contain("AmbiguousTwin.GivenAnAmbiguousStepThere"));
            Assert.That(ignored, Is.TypeOf<IgnoreException>());
            Assert.That(ignored?.Message, Does.Contain("@ignore"));
        });
    }

    [Test]
    public void Feature_files_that_do_not_parse_give_one_test_that_cannot_run_and_says_where()
    {
        var data = ScenarioTestCases.From(Suite("TestData/Broken")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(data.TestName, Is.EqualTo(ScenarioTestCases.LoadFailureName));
            Assert.That(data.RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(data.Properties.Get(PropertyNames.SkipReason), Does.Contain("broken.feature:5:5: expected:"));
        });
    }

    [Test]
    public void A_tag_naming_no_catalog_control_makes_the_suite_unloadable_as_run_does()
    {
        var data = ScenarioTestCases.From(Suite("TestData/UnknownControl")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(data.TestName, Is.EqualTo(ScenarioTestCases.LoadFailureName));
            Assert.That(data.Properties.Get(PropertyNames.SkipReason), Does.Contain("typo.feature:3:3: ").And.Contain("ASI01"));
        });
    }

    [Test]
    public async Task Bindings_that_cannot_be_loaded_fail_the_test_with_the_reason()
    {
        var outcome = await OutcomeOfAsync(Suite("TestData/Outcomes", "no-such-bindings.dll"), "Every outcome: Passing");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<AssertionException>());
            Assert.That(outcome?.Message, Does.Contain("no-such-bindings.dll").And.Contain("bindings assembly not found"));
        });
    }
}
