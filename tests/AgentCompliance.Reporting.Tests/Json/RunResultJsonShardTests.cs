using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Reporting.Tests.Json;

/// <summary>A shard's results.json records which part of a split it holds, validates, reads back, and is checked for consistency.</summary>
public sealed class RunResultJsonShardTests
{
    private static RunResult Shard(RunShard shard) => SampleRuns.EveryStatus() with
    {
        Shard = shard,
        Gate = new GateVerdict { CoverageDeferred = true, Notes = ["coverage checks deferred to merge"] },
    };

    private static RunShard Positions(int index, int count, int total, params int[] positions) => new(index, count, total) { Positions = positions };

    private static int ScenarioCount => SampleRuns.EveryStatus().Scenarios.Count;

    [Test]
    public async Task A_shard_validates_against_the_published_schema_and_reads_back()
    {
        var original = Shard(Positions(2, 3, ScenarioCount * 3, [.. Enumerable.Range(0, ScenarioCount).Select(i => (i * 3) + 1)]));
        var json = RunResultJson.Serialize(original);

        var errors = (await PublishedSchema.LoadAsync()).Validate(json);
        var read = RunResultJson.Parse(json, "results.json");

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.ToString()), Is.Empty);
            Assert.That((read.Shard!.Index, read.Shard.Count, read.Shard.SelectedTotal), Is.EqualTo((2, 3, ScenarioCount * 3)));
            Assert.That(read.Shard.Positions, Is.EqualTo(original.Shard!.Positions));
            Assert.That(read.Gate!.CoverageDeferred, Is.True);
        });
    }

    [Test]
    public void A_whole_run_writes_no_shard_property()
    {
        var json = JObject.Parse(RunResultJson.Serialize(SampleRuns.EveryStatus()));

        Assert.Multiple(() =>
        {
            Assert.That(json.ContainsKey("shard"), Is.False);
            Assert.That(RunResultJson.Parse(json.ToString(), "results.json").Shard, Is.Null);
        });
    }

    [TestCase(4, 3, 0, "shard index 4 is above the shard count 3")]
    [TestCase(1, 3, 1, "shard lists")]
    [TestCase(1, 3, 2, "is outside the")]
    [TestCase(1, 3, 3, "shard lists a position twice")]
    public void An_inconsistent_shard_is_invalid_input_located_at_the_shard(int index, int count, int damage, string expected)
    {
        var positions = Enumerable.Range(0, ScenarioCount).ToArray();
        var total = ScenarioCount * 3;
        switch (damage)
        {
            case 1:
                positions = positions[1..];
                break;
            case 2:
                positions[0] = total;
                break;
            case 3:
                positions[1] = positions[0];
                break;
        }

        var json = RunResultJson.Serialize(Shard(Positions(index, count, total, positions)));
        var shardLine = json.Split('\n').ToList().FindIndex(line => line.Contains("\"shard\":", StringComparison.Ordinal)) + 1;

        var error = Assert.Throws<InvalidInputException>(() => RunResultJson.Parse(json, "shard.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Problems.Single().Message, Does.Contain(expected));
            Assert.That(error.Problems.Single().ToString(), Does.StartWith($"shard.json:{shardLine}:"));
        });
    }

    [Test]
    public async Task The_schema_rejects_a_shard_numbered_from_zero()
    {
        var json = RunResultJson.Serialize(Shard(Positions(1, 3, 10, [.. Enumerable.Range(0, ScenarioCount)])))
            .Replace("\"index\": 1", "\"index\": 0", StringComparison.Ordinal);

        var errors = (await PublishedSchema.LoadAsync()).Validate(json);

        Assert.That(errors, Is.Not.Empty);
    }
}
