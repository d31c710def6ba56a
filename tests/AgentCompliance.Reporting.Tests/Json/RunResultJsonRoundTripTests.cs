using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Reporting.Tests.Json;

public sealed class RunResultJsonRoundTripTests
{
    [TestCase("every status")]
    [TestCase("interrupted")]
    [TestCase("hostile")]
    public void Reading_what_was_written_gives_the_same_file(string which)
    {
        var run = which switch
        {
            "interrupted" => SampleRuns.Interrupted(),
            "hostile" => SampleRuns.Hostile(),
            _ => SampleRuns.EveryStatus(),
        };
        var json = RunResultJson.Serialize(run);

        var again = RunResultJson.Serialize(RunResultJson.Parse(json, "results.json"));

        // Compared as JSON values: an unpaired surrogate is written as an escaped U+FFFD, then read back as that character.
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(again), JsonNode.Parse(json)), Is.True);
    }

    [Test]
    public void Reading_back_keeps_every_field_of_the_run()
    {
        var original = SampleRuns.Interrupted();

        var read = RunResultJson.Parse(RunResultJson.Serialize(original), "results.json");

        Assert.Multiple(() =>
        {
            Assert.That(read.ToolVersion, Is.EqualTo(original.ToolVersion));
            Assert.That(read.StartedAt, Is.EqualTo(original.StartedAt));
            Assert.That(read.StartedAt.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
            Assert.That(read.FinishedAt, Is.Null);
            Assert.That(read.Interrupted, Is.True);
            Assert.That(read.InterruptionReason, Is.EqualTo("cancelled by the user (Ctrl-C)"));
            Assert.That(read.Warnings, Is.EqualTo(original.Warnings));
            Assert.That(read.Summary, Is.EqualTo(original.Summary));
            Assert.That(read.Scenarios.Select(s => s.Status), Is.EqualTo(original.Scenarios.Select(s => s.Status)));
        });

        var passed = read.Scenarios[0];
        var expected = original.Scenarios[0];
        Assert.Multiple(() =>
        {
            Assert.That(passed with { Tags = [], Controls = [], Steps = [] }, Is.EqualTo(expected with { Tags = [], Controls = [], Steps = [] }));
            Assert.That(passed.Tags, Is.EqualTo(expected.Tags));
            Assert.That(passed.Controls, Is.EqualTo(expected.Controls));
            Assert.That(passed.Duration.Ticks, Is.EqualTo(12_345_678), "sub-millisecond durations survive");
            Assert.That(passed.Steps[0].Duration.Ticks, Is.EqualTo(1_234_567));
            Assert.That(passed.Steps[0].BoundMethod, Is.EqualTo(expected.Steps[0].BoundMethod));
            Assert.That(passed.Steps[1].Evidence, Is.EqualTo(expected.Steps[1].Evidence));
        });

        var undefined = read.Scenarios.Single(s => s.Status == ResultStatus.Undefined);
        Assert.Multiple(() =>
        {
            Assert.That(undefined.Example, Is.EqualTo("agent=executor, scope=write"));
            Assert.That(undefined.Steps[0].Snippet, Is.EqualTo(SampleRuns.UndefinedSnippet));
            Assert.That(undefined.Steps[0].Candidates, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void File_uses_camel_case_names_status_strings_milliseconds_and_iso_timestamps()
    {
        using var document = JsonDocument.Parse(RunResultJson.Serialize(SampleRuns.EveryStatus()));
        var root = document.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(
                root.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "schemaVersion", "toolVersion", "startedAt", "finishedAt", "interrupted", "interruptionReason", "summary", "warnings", "scenarios", "gate" }));
            Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("startedAt").GetString(), Is.EqualTo("2025-03-14T09:26:53.5897932+02:00"));
            Assert.That(root.GetProperty("interruptionReason").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("summary").GetProperty("notRun").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("summary").GetProperty("total").GetInt32(), Is.EqualTo(8));

            var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
            Assert.That(
                scenarios.Select(s => s.GetProperty("status").GetString()),
                Is.EqualTo(new[] { "passed", "failed", "passed", "undefined", "pending", "ambiguous", "skipped", "notRun" }));
            Assert.That(scenarios[0].GetProperty("durationMs").GetDouble(), Is.EqualTo(1234.5678));
            Assert.That(scenarios[1].GetProperty("steps")[1].GetProperty("evidence")[0].GetProperty("kind").GetString(), Is.EqualTo("claims"));
        });
    }

    [Test]
    public void Read_loads_a_file_written_by_Write()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"roundtrip-{Guid.NewGuid():N}.json");
        try
        {
            using (var stream = File.Create(path))
            {
                RunResultJson.Write(SampleRuns.EveryStatus(), stream);
            }

            var read = RunResultJson.Read(path);

            Assert.That(read.Summary, Is.EqualTo(SampleRuns.EveryStatus().Summary));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
