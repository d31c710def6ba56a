using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Filtering;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>The engine runs one shard of the selection (after tag filtering) and records which part it ran.</summary>
public class ShardRunTests
{
    [TestCase(2)]
    [TestCase(3)]
    public async Task Shards_run_disjoint_parts_whose_positions_rebuild_the_unsharded_selection(int count)
    {
        var whole = await EngineRuns.RunAsync(EngineRuns.Options("Core", "Outcomes"));
        var shards = new List<RunResult>();
        for (var index = 1; index <= count; index++)
        {
            shards.Add(await EngineRuns.RunAsync(EngineRuns.Options("Core", "Outcomes") with { Shard = new ScenarioShard(index, count) }));
        }

        var rebuilt = shards
            .SelectMany(shard => shard.Scenarios.Select((scenario, i) => (Position: shard.Shard!.Positions[i], scenario.Id, scenario.Status)))
            .OrderBy(entry => entry.Position)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(shards.Select(s => s.Shard!.Index), Is.EqualTo(Enumerable.Range(1, count)));
            Assert.That(shards.Select(s => s.Shard!.Count), Has.All.EqualTo(count));
            Assert.That(shards.Select(s => s.Shard!.SelectedTotal), Has.All.EqualTo(whole.Scenarios.Count));
            Assert.That(shards.SelectMany(s => s.Scenarios.Select(x => x.Id)), Is.Unique);
            Assert.That(rebuilt.Select(e => e.Position), Is.EqualTo(Enumerable.Range(0, whole.Scenarios.Count)));
            Assert.That(rebuilt.Select(e => e.Id), Is.EqualTo(whole.Scenarios.Select(s => s.Id)));
            Assert.That(rebuilt.Select(e => e.Status), Is.EqualTo(whole.Scenarios.Select(s => s.Status)));
            Assert.That(whole.Shard, Is.Null, "an unsharded run is no shard");
        });
    }

    [Test]
    public async Task The_split_applies_to_the_scenarios_the_tag_expression_selected()
    {
        var options = EngineRuns.Options("Core") with { TagExpression = "@fast or @slow" };

        var first = await EngineRuns.RunAsync(options with { Shard = new ScenarioShard(1, 2) });
        var second = await EngineRuns.RunAsync(options with { Shard = new ScenarioShard(2, 2) });

        Assert.Multiple(() =>
        {
            Assert.That(first.Shard!.SelectedTotal, Is.EqualTo(3));
            Assert.That(first.Scenarios.Select(s => s.Id), Is.EqualTo(new[] { "basics.feature:39", "basics.feature:45" }));
            Assert.That(second.Scenarios.Select(s => s.Id), Is.EqualTo(new[] { "basics.feature:40" }));
        });
    }

    [Test]
    public async Task A_shard_that_gets_nothing_runs_nothing_and_says_why()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Core") with { TagExpression = "@slow", Shard = new ScenarioShard(2, 2) });

        Assert.Multiple(() =>
        {
            Assert.That(result.Scenarios, Is.Empty);
            Assert.That((result.Shard!.Index, result.Shard.Count, result.Shard.SelectedTotal), Is.EqualTo((2, 2, 1)));
            Assert.That(result.Shard.Positions, Is.Empty);
            Assert.That(result.Warnings, Has.Some.Contains("shard 2/2 got no scenario: only 1 were selected, fewer than the shards"));
        });
    }
}
