using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Filtering;
using AgentCompliance.Scenarios.Parsing;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>
/// The split itself: every machine of a matrix computes the same shards, they are balanced, disjoint, and together
/// hold exactly the selection.
/// </summary>
public class ShardSplitterTests
{
    // Two features with plain scenarios and outline rows, listed in a selection order that is not the key order.
    private static readonly ShardKey[] Selection =
    [
        new("features/tokens/revocation.feature", 3, 0),
        new("features/tokens/revocation.feature", 9, 1),
        new("features/tokens/revocation.feature", 15, 2),
        new("features/tokens/revocation.feature", 16, 3),
        new("features/audit/logging.feature", 4, 0),
        new("features/audit/logging.feature", 8, 1),
        new("features/audit/logging.feature", 20, 2),
        new("features/audit/logging.feature", 21, 3),
        new("features/audit/logging.feature", 22, 4),
        new("features/policy.feature", 5, 0),
        new("features/policy.feature", 12, 1),
    ];

    private static List<ShardKey> KeysOf(IReadOnlyList<ShardKey> selection, ScenarioShard shard) =>
        [.. ShardSplitter.PositionsFor(selection, shard).Select(position => selection[position])];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(11)]
    [TestCase(15)]
    public void Shards_are_disjoint_balanced_and_together_hold_the_whole_selection(int count)
    {
        var shards = Enumerable.Range(1, count).Select(index => ShardSplitter.PositionsFor(Selection, new ScenarioShard(index, count))).ToList();

        var all = shards.SelectMany(positions => positions).ToList();
        var sizes = shards.Select(positions => positions.Count).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(all, Is.Unique, "no scenario in two shards");
            Assert.That(all.Order(), Is.EqualTo(Enumerable.Range(0, Selection.Length)), "every scenario in some shard");
            Assert.That(sizes.Max() - sizes.Min(), Is.LessThanOrEqualTo(1), $"sizes {string.Join(", ", sizes)}");
            Assert.That(shards, Has.All.Ordered, "a shard keeps the selection's order");
        });
    }

    [Test]
    public void The_split_follows_the_key_not_the_order_scenarios_were_found_in()
    {
        var shuffled = Selection.Reverse().ToArray();

        for (var index = 1; index <= 3; index++)
        {
            var shard = new ScenarioShard(index, 3);
            Assert.That(KeysOf(shuffled, shard), Is.EquivalentTo(KeysOf(Selection, shard)), $"shard {shard}");
        }
    }

    [Test]
    public void Keys_are_dealt_round_robin_in_path_then_line_order()
    {
        // Sorted: audit/logging 4, 8, 20, 21, 22, policy 5, 12, tokens/revocation 3, 9, 15, 16; dealt 1, 2, 3, 1, 2, 3...
        Assert.Multiple(() =>
        {
            Assert.That(KeysOf(Selection, new ScenarioShard(1, 3)).Select(k => $"{k.FeaturePath}:{k.Line}"), Is.EquivalentTo(new[]
            {
                "features/audit/logging.feature:4", "features/audit/logging.feature:21", "features/policy.feature:12", "features/tokens/revocation.feature:15",
            }));
            Assert.That(KeysOf(Selection, new ScenarioShard(3, 3)).Select(k => $"{k.FeaturePath}:{k.Line}"), Is.EquivalentTo(new[]
            {
                "features/audit/logging.feature:20", "features/policy.feature:5", "features/tokens/revocation.feature:9",
            }));
        });
    }

    [Test]
    public void Splitting_twice_gives_the_same_shards()
    {
        var shard = new ScenarioShard(2, 3);

        Assert.That(ShardSplitter.PositionsFor(Selection, shard), Is.EqualTo(ShardSplitter.PositionsFor([.. Selection], shard)));
    }

    [Test]
    public void More_shards_than_scenarios_leaves_the_last_shards_empty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ShardSplitter.PositionsFor(Selection, new ScenarioShard(11, 12)), Has.Count.EqualTo(1));
            Assert.That(ShardSplitter.PositionsFor(Selection, new ScenarioShard(12, 12)), Is.Empty);
            Assert.That(ShardSplitter.PositionsFor([], new ScenarioShard(1, 2)), Is.Empty);
        });
    }

    [Test]
    public void A_key_is_relative_to_the_working_directory_with_forward_slashes_wherever_the_checkout_is()
    {
        var scenario = new PlannedScenario { PickleIndex = 2, Id = "tokens/revocation.feature:15", Name = "n", Title = "n", Line = 15 };
        var first = Path.Combine(Path.GetTempPath(), "checkout-one");
        var second = Path.Combine(Path.GetTempPath(), "elsewhere", "checkout-two");

        ShardKey KeyIn(string checkout) => ShardSplitter.KeyOf(
            new FeatureFile(Path.Combine(checkout, "features", "tokens", "revocation.feature"), "tokens/revocation.feature", "features/tokens/revocation.feature"),
            scenario,
            checkout);

        Assert.Multiple(() =>
        {
            Assert.That(KeyIn(first), Is.EqualTo(new ShardKey("features/tokens/revocation.feature", 15, 2)));
            Assert.That(KeyIn(second), Is.EqualTo(KeyIn(first)));
        });
    }
}
