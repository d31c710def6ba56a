using System.Text.Json;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Scenarios.Execution;

namespace AgentCompliance.Scenarios.Tests;

public class MessagesTests
{
    [Test]
    public async Task The_run_writes_valid_Cucumber_messages_with_pickles_test_cases_and_step_results()
    {
        using var temp = new TempFolder();
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Outcomes", "Localized") with { MessagesDirectory = Path.Combine(temp.Path, "out") });

        var lines = await File.ReadAllLinesAsync(Path.Combine(temp.Path, "out", ScenarioEngine.MessagesFileName));
        var envelopes = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var kinds = envelopes.Select(envelope => envelope.EnumerateObject().Single().Name).ToList();
        var stepStatuses = envelopes
            .Where(envelope => envelope.TryGetProperty("testStepFinished", out _))
            .Select(envelope => envelope.GetProperty("testStepFinished").GetProperty("testStepResult").GetProperty("status").GetString())
            .ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.All.Not.Empty);
            Assert.That(kinds[0], Is.EqualTo("testRunStarted"));
            Assert.That(kinds[^1], Is.EqualTo("testRunFinished"));
            Assert.That(kinds.Count(kind => kind == "source"), Is.EqualTo(2));
            Assert.That(kinds.Count(kind => kind == "pickle"), Is.EqualTo(7));
            Assert.That(kinds.Count(kind => kind == "testCase"), Is.EqualTo(result.Scenarios.Count), "the ignored scenario is a skipped test case");
            Assert.That(kinds.Count(kind => kind == "testCaseFinished"), Is.EqualTo(result.Scenarios.Count));
            Assert.That(stepStatuses, Is.SupersetOf(new[] { "PASSED", "FAILED", "UNDEFINED", "PENDING", "AMBIGUOUS", "SKIPPED" }));
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
            Assert.That(failed.GetProperty("message").GetString(), Is.EqualTo("token [REDACTED]"));
            Assert.That(failed.GetProperty("exception").GetProperty("message").GetString(), Is.EqualTo("token [REDACTED]"));
            Assert.That(failed.GetProperty("exception").TryGetProperty("stackTrace", out _), Is.False);
        });
    }

    [Test]
    public async Task No_messages_are_written_unless_asked_for()
    {
        using var temp = new TempFolder();
        await EngineRuns.RunAsync(EngineRuns.Options("Localized") with { WorkingDirectory = temp.Path });

        Assert.That(Directory.EnumerateFileSystemEntries(temp.Path), Is.Empty);
    }
}
