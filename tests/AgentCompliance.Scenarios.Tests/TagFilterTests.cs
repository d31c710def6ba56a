using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>Tag expressions select scenarios by every tag in effect, outline rows by their examples' tags too.</summary>
public class TagFilterTests
{
    private static async Task<IReadOnlyList<string>> SelectedIds(string expression)
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Core", "Outcomes") with { TagExpression = expression });
        return [.. result.Scenarios.Select(scenario => scenario.Id)];
    }

    [Test]
    public async Task Examples_tags_select_outline_rows()
    {
        Assert.That(await SelectedIds("@fast"), Is.EqualTo(new[] { "basics.feature:39", "basics.feature:40" }));
    }

    [Test]
    public async Task Not_and_parentheses_exclude_rows_and_keep_the_rest()
    {
        Assert.That(await SelectedIds("@core and not (@fast or @rule-scenario)"), Is.EqualTo(new[]
        {
            "basics.feature:8", "basics.feature:13", "basics.feature:19", "basics.feature:45",
        }));
    }

    [Test]
    public async Task Or_combines_tags_from_different_features()
    {
        Assert.That(await SelectedIds("@slow or @ignore or @NHI7"), Is.EqualTo(new[]
        {
            "basics.feature:19", "basics.feature:45", "outcomes.feature:25",
        }));
    }

    [Test]
    public async Task An_expression_matching_nothing_runs_nothing_and_says_so()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Core") with { TagExpression = "@no-such-tag" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Scenarios, Is.Empty);
            Assert.That(result.Warnings, Has.Some.Contains("no scenario matches the tag expression \"@no-such-tag\""));
        });
    }

    [Test]
    public void A_malformed_expression_is_invalid_input()
    {
        var error = Assert.ThrowsAsync<InvalidInputException>(() => EngineRuns.RunAsync(EngineRuns.Options("Core") with { TagExpression = "@a and (@b" }))!;

        Assert.That(error.Problems.Single().ToString(), Does.StartWith("--tags:1:8: unmatched '('"));
    }
}
