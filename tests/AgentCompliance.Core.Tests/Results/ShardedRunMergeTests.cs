using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Results;

/// <summary>Joining shard results: unsharded order from the recorded positions, and a refusal for anything but one complete split.</summary>
public class ShardedRunMergeTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static ScenarioResult Scenario(string id, ResultStatus status) => new()
    {
        Id = id,
        Name = id,
        FeatureName = "F",
        FeatureFile = "f.feature",
        Status = status,
        Waiver = new Waiver { Scenario = id, Justification = "from the shard's gate", Owner = "o", Expires = new DateOnly(2030, 1, 1), File = "w.yaml", Line = 1 },
    };

    private static (string, RunResult) Shard(string file, int index, int count, int total, int minutes, params (int Position, string Id, ResultStatus Status)[] scenarios) =>
        (file, new RunResult
        {
            ToolVersion = "1.0.0",
            StartedAt = Start.AddMinutes(minutes),
            FinishedAt = Start.AddMinutes(minutes + 5),
            Scenarios = [.. scenarios.Select(s => Scenario(s.Id, s.Status))],
            Warnings = ["same warning"],
            Shard = new RunShard(index, count, total) { Positions = [.. scenarios.Select(s => s.Position)] },
            Gate = new GateVerdict { CoverageDeferred = true },
        });

    [Test]
    public void Scenarios_go_back_to_their_unsharded_positions_and_the_merge_is_no_shard()
    {
        var merged = ShardedRunMerge.Merge(
        [
            Shard("b.json", 2, 2, 5, 3, (1, "s1", ResultStatus.Failed), (4, "s4", ResultStatus.Passed)),
            Shard("a.json", 1, 2, 5, 1, (0, "s0", ResultStatus.Passed), (2, "s2", ResultStatus.Skipped), (3, "s3", ResultStatus.Passed)),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(merged.Scenarios.Select(s => s.Id), Is.EqualTo(new[] { "s0", "s1", "s2", "s3", "s4" }));
            Assert.That(merged.Summary, Is.EqualTo(new RunSummary(5, 3, 1, 0, 0, 0, 1, 0)));
            Assert.That(merged.Shard, Is.Null);
            Assert.That(merged.Gate, Is.Null, "the caller gates the merge");
            Assert.That(merged.Scenarios.Select(s => s.Waiver), Has.All.Null, "the merge's gate decides waivers again");
            Assert.That(merged.StartedAt, Is.EqualTo(Start.AddMinutes(1)));
            Assert.That(merged.FinishedAt, Is.EqualTo(Start.AddMinutes(8)));
            Assert.That(merged.Warnings, Is.EqualTo(new[] { "same warning" }));
        });
    }

    [Test]
    public void Shards_of_one_split_that_claim_the_same_position_come_from_different_selections()
    {
        var error = Assert.Throws<InvalidInputException>(() => ShardedRunMerge.Merge(
        [
            Shard("a.json", 1, 2, 2, 0, (0, "s0", ResultStatus.Passed)),
            Shard("b.json", 2, 2, 2, 0, (0, "other", ResultStatus.Passed)),
        ]))!;

        Assert.That(error.Problems.Single().ToString(), Does.StartWith("b.json: shard 2/2 holds scenario other at position 0, which a.json (1/2) holds too"));
    }

    [Test]
    public void Shards_that_split_different_selections_are_refused_by_name()
    {
        var error = Assert.Throws<InvalidInputException>(() => ShardedRunMerge.Merge(
        [
            Shard("a.json", 1, 2, 3, 0, (0, "s0", ResultStatus.Passed), (2, "s2", ResultStatus.Passed)),
            Shard("b.json", 2, 2, 4, 0, (1, "s1", ResultStatus.Passed), (3, "s3", ResultStatus.Passed)),
        ]))!;

        Assert.That(error.Problems.Single().ToString(), Does.StartWith("b.json: shard 2/2 split a selection of 4 scenarios, but a.json split 3"));
    }
}
