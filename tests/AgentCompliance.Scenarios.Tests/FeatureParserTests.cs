using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Parsing;

namespace AgentCompliance.Scenarios.Tests;

public class FeatureParserTests
{
    private static FeatureFile File(string relative = "auth/tokens.feature") => new("/irrelevant/" + relative, relative, "features/" + relative);

    [Test]
    public void Outline_examples_become_scenarios_identified_by_their_row_line()
    {
        const string text = """
            @feature-tag
            Feature: Tokens

              Background:
                Given a background step

              @outline-tag
              Scenario Outline: Token for <agent>
                Given agent <agent> asks for scope <scope>

                @first
                Examples:
                  | agent   | scope |
                  | planner | read  |

                @second
                Examples:
                  | agent  | scope |
                  | mailer | send  |
            """;

        var feature = FeatureParser.Parse(File(), text);

        Assert.That(feature.Scenarios, Has.Count.EqualTo(2));
        var (first, second) = (feature.Scenarios[0], feature.Scenarios[1]);
        Assert.Multiple(() =>
        {
            Assert.That(first.Id, Is.EqualTo("auth/tokens.feature:14"));
            Assert.That(second.Id, Is.EqualTo("auth/tokens.feature:19"));
            Assert.That(first.Name, Is.EqualTo("Token for planner"));
            Assert.That(first.Title, Is.EqualTo("Token for <agent>"));
            Assert.That(first.Example, Is.EqualTo("agent=planner, scope=read"));
            Assert.That(first.Tags, Is.EqualTo(new[] { "feature-tag", "outline-tag", "first" }));
            Assert.That(second.OwnTags, Is.EqualTo(new[] { "outline-tag", "second" }));
            Assert.That(first.Steps.Select(step => step.Text), Is.EqualTo(new[] { "a background step", "agent planner asks for scope read" }));
            Assert.That(first.Steps.Select(step => step.Line), Is.EqualTo(new[] { 5, 9 }));
        });
    }

    [Test]
    public void The_language_header_selects_the_keywords()
    {
        const string text = """
            # language: fr
            Fonctionnalité: Jetons
              Scénario: Révocation
                Soit un jeton
                Et un autre
                Mais pas celui-ci
                Alors il est révoqué
            """;

        var feature = FeatureParser.Parse(File(), text);
        var steps = feature.Scenarios.Single().Steps;

        Assert.Multiple(() =>
        {
            Assert.That(feature.Language, Is.EqualTo("fr"));
            Assert.That(steps.Select(step => step.Kind), Is.EqualTo(new[] { StepKeywordKind.Given, StepKeywordKind.And, StepKeywordKind.But, StepKeywordKind.Then }));
            Assert.That(steps[0].Keyword, Is.EqualTo("Soit "));
        });
    }

    [Test]
    public void Syntax_errors_are_reported_with_file_line_and_column()
    {
        const string text = """
            Feature: Broken
              Scenario: One
                Given fine
              this line is not Gherkin
                | a table | without a step |
            """;

        var error = Assert.Throws<InvalidInputException>(() => FeatureParser.Parse(File(), text))!;
        var problem = error.Problems.First();

        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo("features/auth/tokens.feature"));
            Assert.That(problem.Line, Is.EqualTo(4));
            Assert.That(problem.Column, Is.GreaterThan(0));
            Assert.That(problem.ToString(), Does.Match(@"^features/auth/tokens\.feature:4:\d+: expected: .*got 'this line is not Gherkin'"));
        });
    }

    [Test]
    public void Problems_of_every_file_are_collected_in_one_report()
    {
        using var temp = new TempFolder();
        var good = temp.Write("good.feature", "Feature: ok\n  Scenario: s\n    Given x\n");
        var bad1 = temp.Write("bad1.feature", "Feature: a\n  Scenario: s\n    Given x\n  oops\n");
        var bad2 = temp.Write("bad2.feature", "# language: xx\nFeature: b\n");
        FeatureFile Describe(string path) => new(path, Path.GetFileName(path), Path.GetFileName(path));

        var error = Assert.Throws<InvalidInputException>(() => FeatureParser.ParseAll([Describe(good), Describe(bad1), Describe(bad2)]))!;

        Assert.That(error.Problems.Select(problem => problem.File).Distinct(), Is.EqualTo(new[] { "bad1.feature", "bad2.feature" }));
        Assert.That(error.Problems.Single(problem => problem.File == "bad2.feature").Message, Does.Contain("xx"));
    }
}
