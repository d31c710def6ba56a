using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Filtering;

namespace AgentCompliance.Scenarios.Tests;

public class TagExpressionTests
{
    [TestCase("@a", new[] { "a" }, true)]
    [TestCase("@a", new[] { "b" }, false)]
    [TestCase("not @a", new[] { "b" }, true)]
    [TestCase("@a and @b", new[] { "a" }, false)]
    [TestCase("@a and @b", new[] { "a", "b" }, true)]
    [TestCase("@a or @b", new[] { "b" }, true)]
    [TestCase("@a or @b", new string[0], false)]
    [TestCase("@a and not (@b or @c)", new[] { "a" }, true)]
    [TestCase("@a and not (@b or @c)", new[] { "a", "c" }, false)]
    [TestCase("not not @a", new[] { "a" }, true)]
    [TestCase("((@a))", new[] { "a" }, true)]
    public void Evaluates_tag_sets(string expression, string[] tags, bool expected)
    {
        Assert.That(TagExpression.Parse(expression).Matches(tags), Is.EqualTo(expected));
    }

    [Test]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or()
    {
        var expression = TagExpression.Parse("@a or @b and not @c");

        Assert.Multiple(() =>
        {
            Assert.That(expression.ToString(), Is.EqualTo("(@a or (@b and not (@c)))"));
            Assert.That(expression.Matches(["a", "c"]), Is.True, "@a alone satisfies the or");
            Assert.That(expression.Matches(["b", "c"]), Is.False, "not @c applies to @c only");
            Assert.That(expression.Matches(["b"]), Is.True);
        });
    }

    [Test]
    public void Escaped_characters_belong_to_the_tag_name()
    {
        var expression = TagExpression.Parse(@"@x\(1\) or @with\ space or @back\\slash");

        Assert.Multiple(() =>
        {
            Assert.That(expression.Matches(["x(1)"]), Is.True);
            Assert.That(expression.Matches(["with space"]), Is.True);
            Assert.That(expression.Matches([@"back\slash"]), Is.True);
            Assert.That(expression.Matches(["x"]), Is.False);
        });
    }

    [Test]
    public void Tags_match_with_or_without_the_at_sign_and_case_sensitively()
    {
        var expression = TagExpression.Parse("@Smoke");

        Assert.Multiple(() =>
        {
            Assert.That(expression.Matches(["@Smoke"]), Is.True);
            Assert.That(expression.Matches(["Smoke"]), Is.True);
            Assert.That(expression.Matches(["smoke"]), Is.False);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_expression_selects_everything(string? text)
    {
        Assert.That(TagExpression.Parse(text).Matches([]), Is.True);
    }

    [TestCase("@a and", 4, "'and' needs a tag")]
    [TestCase("@a @b", 4, "expected 'and' or 'or' before '@b'")]
    [TestCase("(@a or @b", 1, "unmatched '('")]
    [TestCase("@a)", 3, "unmatched ')'")]
    [TestCase("and @a", 1, "unexpected 'and'")]
    [TestCase("smoke", 1, "'smoke' is not a tag")]
    [TestCase(@"@a\b", 3, "illegal escape")]
    [TestCase("not", 1, "'not' needs a tag")]
    public void Syntax_errors_name_the_column(string expression, int column, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => TagExpression.Parse(expression))!;
        var problem = error.Problems.Single();

        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo("--tags"));
            Assert.That(problem.Column, Is.EqualTo(column));
            Assert.That(problem.Message, Does.Contain(message));
            Assert.That(problem.ToString(), Does.StartWith($"--tags:1:{column}: "));
        });
    }
}
