using System.Xml.Linq;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;
using AgentCompliance.Reporting.Output;
using Microsoft.Extensions.Time.Testing;

namespace AgentCompliance.Reporting.Tests.Output;

public sealed class CheckpointingRunObserverTests
{
    [Test]
    public void After_some_scenarios_without_run_finished_the_files_are_valid_and_marked_interrupted()
    {
        using var directory = new TemporaryDirectory();
        using var observer = new CheckpointingRunObserver(new RunOutputWriter(directory.Path), SampleRuns.ToolVersion, minimumInterval: TimeSpan.Zero);

        observer.RunStarted(5);
        observer.ScenarioFinished(SampleRuns.PassedIdentityScenario());
        observer.ScenarioFinished(SampleRuns.FailedIdentityScenario());
        observer.ScenarioFinished(SampleRuns.UndefinedOutlineRow());

        // No RunFinished: the process died here.
        var results = RunResultJson.Read(directory.File("results.json"));
        var junit = XDocument.Load(directory.File("junit.xml")).Root!;
        Assert.Multiple(() =>
        {
            Assert.That(results.Interrupted, Is.True);
            Assert.That(results.InterruptionReason, Is.EqualTo("run in progress: 3 of 5 scenarios finished"));
            Assert.That(results.FinishedAt, Is.Null);
            Assert.That(results.ToolVersion, Is.EqualTo(SampleRuns.ToolVersion));
            Assert.That(results.Scenarios.Select(s => s.Status), Is.EqualTo(new[] { ResultStatus.Passed, ResultStatus.Failed, ResultStatus.Undefined }));
            Assert.That(junit.Attribute("interrupted")!.Value, Is.EqualTo("true"));
            Assert.That(junit.Attribute("tests")!.Value, Is.EqualTo("4"), "3 scenarios and the incomplete run");
            Assert.That(junit.Attribute("failures")!.Value, Is.EqualTo("2"));
            Assert.That(junit.Attribute("errors")!.Value, Is.EqualTo("1"));
            Assert.That(directory.FileNames(), Is.EqualTo(new[] { "junit.xml", "results.json", "results.sarif" }));
        });
    }

    [Test]
    public void Run_start_replaces_the_files_of_a_previous_run()
    {
        using var directory = new TemporaryDirectory();
        var writer = new RunOutputWriter(directory.Path);
        writer.Write(SampleRuns.EveryStatus());
        using var observer = new CheckpointingRunObserver(writer, SampleRuns.ToolVersion);

        observer.RunStarted(4);

        var results = RunResultJson.Read(directory.File("results.json"));
        Assert.Multiple(() =>
        {
            Assert.That(results.Interrupted, Is.True);
            Assert.That(results.InterruptionReason, Does.StartWith(CheckpointingRunObserver.InProgressReason));
            Assert.That(results.Scenarios, Is.Empty);
        });
    }

    [Test]
    public void Checkpoints_are_written_at_most_once_per_interval_and_late_scenarios_still_reach_disk()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(SampleRuns.StartedAt);
        using var observer = new CheckpointingRunObserver(new RunOutputWriter(directory.Path), SampleRuns.ToolVersion, time, TimeSpan.FromSeconds(1));
        observer.RunStarted(4);

        observer.ScenarioFinished(SampleRuns.Numbered(1));
        observer.ScenarioFinished(SampleRuns.Numbered(2));
        var withinTheSecond = ScenarioCount(directory);

        time.Advance(TimeSpan.FromSeconds(1));
        var afterTheSecond = ScenarioCount(directory);

        time.Advance(TimeSpan.FromSeconds(5));
        observer.ScenarioFinished(SampleRuns.Numbered(3));
        var longAfter = ScenarioCount(directory);

        Assert.Multiple(() =>
        {
            Assert.That(withinTheSecond, Is.Zero, "throttled: still the run-start checkpoint");
            Assert.That(afterTheSecond, Is.EqualTo(2), "the pending scenarios are written when the interval ends");
            Assert.That(longAfter, Is.EqualTo(3), "a scenario finishing after a quiet interval is written at once");
            Assert.That(RunResultJson.Read(directory.File("results.json")).StartedAt, Is.EqualTo(SampleRuns.StartedAt));
        });
    }

    [Test]
    public void Run_finished_writes_the_final_result_and_no_checkpoint_overwrites_it()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(SampleRuns.StartedAt);
        using var observer = new CheckpointingRunObserver(new RunOutputWriter(directory.Path), SampleRuns.ToolVersion, time, TimeSpan.FromSeconds(1));
        observer.RunStarted(8);
        observer.ScenarioFinished(SampleRuns.Numbered(1));

        observer.RunFinished(SampleRuns.EveryStatus());
        observer.ScenarioFinished(SampleRuns.Numbered(2));
        time.Advance(TimeSpan.FromSeconds(10));

        var results = RunResultJson.Read(directory.File("results.json"));
        Assert.Multiple(() =>
        {
            Assert.That(results.Interrupted, Is.False);
            Assert.That(results.Summary, Is.EqualTo(SampleRuns.EveryStatus().Summary));
            Assert.That(XDocument.Load(directory.File("junit.xml")).Root!.Attribute("interrupted")!.Value, Is.EqualTo("false"));
        });
    }

    [Test]
    public void Scenarios_finishing_on_many_threads_all_reach_the_checkpoint()
    {
        using var directory = new TemporaryDirectory();
        using var observer = new CheckpointingRunObserver(new RunOutputWriter(directory.Path), SampleRuns.ToolVersion, minimumInterval: TimeSpan.Zero);
        observer.RunStarted(40);

        Parallel.For(1, 41, new ParallelOptions { MaxDegreeOfParallelism = 4 }, number => observer.ScenarioFinished(SampleRuns.Numbered(number)));

        var results = RunResultJson.Read(directory.File("results.json"));
        Assert.Multiple(() =>
        {
            Assert.That(results.Scenarios.Select(s => s.Line).Order(), Is.EqualTo(Enumerable.Range(1, 40)));
            Assert.That(results.InterruptionReason, Is.EqualTo("run in progress: 40 of 40 scenarios finished"));
            Assert.That(directory.FileNames(), Is.EqualTo(new[] { "junit.xml", "results.json", "results.sarif" }));
        });
    }

    private static int ScenarioCount(TemporaryDirectory directory) => RunResultJson.Read(directory.File("results.json")).Scenarios.Count;
}
