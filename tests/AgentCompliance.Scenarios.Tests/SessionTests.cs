using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Execution;
using AgentCompliance.Scenarios.Parsing;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>Scenarios run one at a time on one started runtime, as the NUnit integration runs them.</summary>
public class SessionTests
{
    private static IReadOnlyList<ParsedFeature> Parse(params string[] sources) =>
        FeatureParser.ParseAll(FeatureFileDiscovery.Discover([.. sources.Select(source => Path.Combine(EngineRuns.FeaturesFolder, source))], EngineRuns.TestDirectory));

    private static Task<ScenarioSession> StartAsync(string? messagesDirectory = null) =>
        new ScenarioEngine().StartSessionAsync(new ScenarioSessionOptions
        {
            BindingAssemblyPaths = [EngineRuns.BindingsDll],
            WorkingDirectory = EngineRuns.TestDirectory,
            MessagesDirectory = messagesDirectory,
        });

    [Test]
    public async Task Each_scenario_run_alone_gets_the_result_a_whole_run_gives_it()
    {
        var whole = await EngineRuns.RunAsync(EngineRuns.Options("Outcomes", "Core"));
        var features = Parse("Outcomes", "Core");

        var single = new List<ScenarioResult>();
        await using (var session = await StartAsync())
        {
            foreach (var feature in features)
            {
                foreach (var scenario in feature.Scenarios)
                {
                    single.Add(await session.RunAsync(feature, scenario));
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(single.Select(result => (result.Id, result.Status, result.ErrorMessage)), Is.EqualTo(whole.Scenarios.Select(result => (result.Id, result.Status, result.ErrorMessage))));
            Assert.That(single.Select(result => result.Status), Is.SupersetOf(new[] { ResultStatus.Passed, ResultStatus.Failed, ResultStatus.Undefined, ResultStatus.Pending, ResultStatus.Ambiguous, ResultStatus.Skipped }));
            Assert.That(single.Single(result => result.Status == ResultStatus.Undefined).Steps.Single(step => step.Status == ResultStatus.Undefined).Snippet, Does.Contain("the numbr {int} is added"));
        });
    }

    [Test]
    public async Task Only_the_scenarios_asked_for_run_inside_one_test_run()
    {
        using var temp = new TempFolder();
        var features = Parse("Core", "Hooks");
        var core = features.Single(feature => feature.Name == "Engine basics");
        var hooks = features.Single(feature => feature.Name == "Hook order");

        ScenarioResult outline;
        ScenarioResult hooked;
        await using (var session = await StartAsync(temp.Path))
        {
            outline = await session.RunAsync(core, core.Scenarios.Single(scenario => scenario.Name == "Outline ranker adds 40"));
            hooked = await session.RunAsync(hooks, hooks.Scenarios.Single());
        }

        var messages = CucumberMessageStream.Read(Path.Combine(temp.Path, ScenarioEngine.MessagesFileName));
        Assert.Multiple(() =>
        {
            Assert.That(outline.Status, Is.EqualTo(ResultStatus.Passed), outline.ErrorMessage);
            Assert.That(outline.Example, Is.EqualTo("agent=ranker, more=40, total=42"));
            Assert.That(hooked.Status, Is.EqualTo(ResultStatus.Passed), "its last step checks that BeforeTestRun ran: " + hooked.ErrorMessage);
            Assert.That(hooked.Steps[0].Evidence.Select(item => item.Text), Does.Contain("hook: BeforeFeature"));
            Assert.That(messages.Problems, Is.Empty);
            Assert.That(messages.Count("testRunStarted"), Is.EqualTo(1));
            Assert.That(messages.Count("source"), Is.EqualTo(2), "each feature declared when its first scenario ran");
            Assert.That(messages.StatusByScenario.Keys, Is.EquivalentTo(new[] { outline.Id, hooked.Id }), "no other scenario of either feature ran");
            Assert.That(messages.TestRunFinished.GetProperty("success").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task A_scenario_of_another_feature_is_refused()
    {
        var features = Parse("Core", "Hooks");
        await using var session = await StartAsync();

        Assert.That(
            () => session.RunAsync(features[0], features[1].Scenarios[0]),
            Throws.ArgumentException.With.Message.Contains("is not one of feature"));
    }

    [Test]
    public async Task A_disposed_session_runs_nothing_more()
    {
        var feature = Parse("Outcomes").Single();
        var session = await StartAsync();
        await session.DisposeAsync();

        Assert.That(() => session.RunAsync(feature, feature.Scenarios[0]), Throws.InstanceOf<ObjectDisposedException>());
    }
}
