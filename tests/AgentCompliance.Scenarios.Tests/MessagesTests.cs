using System.Text.Json;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;
using Reqnroll.Formatters.PayloadProcessing;

namespace AgentCompliance.Scenarios.Tests;

public class MessagesTests
{
    private static readonly string[] EveryStepStatus = ["PASSED", "FAILED", "UNDEFINED", "PENDING", "AMBIGUOUS", "SKIPPED"];

    /// <summary>The Cucumber status of a test case that had this result; an interrupted one must not look passed.</summary>
    private static string CucumberStatus(ResultStatus status) => status switch
    {
        ResultStatus.NotRun => "FAILED",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static async Task<(RunResult Result, CucumberMessageStream Messages)> RunWithMessagesAsync(TempFolder temp, ScenarioRunOptions options)
    {
        var result = await EngineRuns.RunAsync(options with { MessagesDirectory = Path.Combine(temp.Path, "out") });
        return (result, CucumberMessageStream.Read(Path.Combine(temp.Path, "out", ScenarioEngine.MessagesFileName)));
    }

    [Test]
    public async Task The_run_writes_one_test_case_per_scenario_with_its_pickle_and_status()
    {
        using var temp = new TempFolder();
        var (result, messages) = await RunWithMessagesAsync(temp, EngineRuns.Options("Outcomes", "Localized"));

        var stepStatuses = messages.All("testStepFinished").Select(finished => finished.GetProperty("testStepResult").GetProperty("status").GetString()).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(messages.Problems, Is.Empty);
            Assert.That(messages.Count("source"), Is.EqualTo(2));
            Assert.That(messages.Count("gherkinDocument"), Is.EqualTo(2));
            Assert.That(messages.PickleNamesByScenario, Is.EquivalentTo(result.Scenarios.ToDictionary(scenario => scenario.Id, scenario => scenario.Name)));
            Assert.That(messages.Count("testCase"), Is.EqualTo(result.Scenarios.Count), "the ignored scenario is a skipped test case");
            Assert.That(messages.Count("testCaseFinished"), Is.EqualTo(result.Scenarios.Count));
            Assert.That(messages.StatusByScenario, Is.EquivalentTo(result.Scenarios.ToDictionary(scenario => scenario.Id, scenario => CucumberStatus(scenario.Status))));
            Assert.That(stepStatuses, Is.SupersetOf(EveryStepStatus));
            Assert.That(messages.Count("suggestion"), Is.EqualTo(1), "a snippet for the undefined step");
            Assert.That(messages.Count("stepDefinition"), Is.GreaterThan(0));
            Assert.That(messages.TestRunFinished.GetProperty("success").GetBoolean(), Is.False);
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Under_parallel_every_id_is_defined_before_use_and_each_test_case_stays_in_order()
    {
        using var temp = new TempFolder();
        var (result, messages) = await RunWithMessagesAsync(temp, EngineRuns.Options("Parallel", "Core", "Outcomes", "Hooks", "Failures") with { Parallelism = 4 });

        Assert.Multiple(() =>
        {
            Assert.That(messages.Problems, Is.Empty);
            Assert.That(messages.Count("testCaseFinished"), Is.EqualTo(result.Scenarios.Count));
            Assert.That(messages.StatusByScenario, Is.EquivalentTo(result.Scenarios.ToDictionary(scenario => scenario.Id, scenario => CucumberStatus(scenario.Status))));
            Assert.That(messages.Count("hook"), Is.GreaterThan(0));
            Assert.That(messages.Count("attachment"), Is.GreaterThan(0), "hook output is evidence, attached to its step");
        });
    }

    [Test]
    public async Task A_run_where_everything_passes_is_a_success()
    {
        using var temp = new TempFolder();
        var (result, messages) = await RunWithMessagesAsync(temp, EngineRuns.Options("Core"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Scenarios.Select(scenario => scenario.Status), Is.All.EqualTo(ResultStatus.Passed));
            Assert.That(messages.Problems, Is.Empty);
            Assert.That(messages.TestRunFinished.GetProperty("success").GetBoolean(), Is.True);
            Assert.That(messages.TestRunFinished.TryGetProperty("message", out _), Is.False);
        });
    }

    [Test]
    public async Task Failure_messages_in_the_messages_file_are_redacted_and_carry_no_stack_trace()
    {
        using var temp = new TempFolder();
        var secrets = new SecretRegistry();
        secrets.Add("was not revoked");
        await EngineRuns.RunAsync(EngineRuns.Options("Outcomes") with { MessagesDirectory = Path.Combine(temp.Path, "out"), SharedContext = [secrets] });

        // The feature file's own text (source and pickle messages) holds the words; the step result must not.
        var failed = (await File.ReadAllLinesAsync(Path.Combine(temp.Path, "out", ScenarioEngine.MessagesFileName)))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(envelope => envelope.TryGetProperty("testStepFinished", out _))
            .Select(envelope => envelope.GetProperty("testStepFinished").GetProperty("testStepResult"))
            .Single(result => result.GetProperty("status").GetString() == "FAILED");
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("message").GetString(), Is.EqualTo("InvalidOperationException: token [REDACTED]"));
            Assert.That(failed.TryGetProperty("exception", out var exception) && exception.TryGetProperty("stackTrace", out _), Is.False);
        });
    }

    [Test]
    public async Task The_stream_is_what_the_Cucumber_messages_library_reads_and_writes()
    {
        using var temp = new TempFolder();
        await RunWithMessagesAsync(temp, EngineRuns.Options("Core", "Outcomes", "Hooks", "Localized"));

        // Reqnroll's own serializer of the library's types is the reference: each line must read back into the
        // library's envelope and serialize to exactly the same text.
        var lines = await File.ReadAllLinesAsync(Path.Combine(temp.Path, "out", ScenarioEngine.MessagesFileName));
        var differing = lines.Where(line => NdjsonSerializer.Serialize(NdjsonSerializer.Deserialize(line)) != line).ToList();

        Assert.That(differing, Is.Empty);
    }

    [Test]
    public async Task No_messages_are_written_unless_asked_for()
    {
        using var temp = new TempFolder();
        await EngineRuns.RunAsync(EngineRuns.Options("Localized") with { WorkingDirectory = temp.Path });

        Assert.That(Directory.EnumerateFileSystemEntries(temp.Path), Is.Empty);
    }
}
