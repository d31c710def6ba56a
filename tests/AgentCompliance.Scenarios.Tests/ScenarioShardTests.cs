using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Filtering;

namespace AgentCompliance.Scenarios.Tests;

/// <summary><c>--shard K/N</c> accepts 1 &lt;= K &lt;= N and nothing else.</summary>
public class ScenarioShardTests
{
    [TestCase("1/1", 1, 1)]
    [TestCase("2/4", 2, 4)]
    [TestCase("4/4", 4, 4)]
    [TestCase("12/30", 12, 30)]
    public void K_of_N_parses(string text, int index, int count)
    {
        var shard = ScenarioShard.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(shard.Index, Is.EqualTo(index));
            Assert.That(shard.Count, Is.EqualTo(count));
            Assert.That(shard.ToString(), Is.EqualTo(text));
        });
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("1/0")]
    [TestCase("2")]
    [TestCase("2/4/8")]
    [TestCase("a/b")]
    [TestCase("-1/3")]
    [TestCase("+1/3")]
    [TestCase("")]
    public void Anything_else_is_invalid_input_with_a_hint(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioShard.Parse(text))!;

        var problem = error.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo("--shard"));
            Assert.That(problem.Hint, Is.EqualTo("use K/N, e.g. 2/4"));
        });
    }
}
