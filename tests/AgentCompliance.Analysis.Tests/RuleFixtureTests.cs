using AgentCompliance.Analysis.Rules;
using AgentCompliance.Core.Catalog;

namespace AgentCompliance.Analysis.Tests;

/// <summary>
/// Every rule against its vulnerable fixture (exactly the marked lines, from every rule) and its fixed fixture
/// (nothing at all), plus metadata every rule must carry.
/// </summary>
[TestFixture]
public sealed class RuleFixtureTests
{
    private static IEnumerable<TestCaseData> RuleIds() =>
        BuiltInRules.All.Select(rule => new TestCaseData(rule.Descriptor.Id).SetArgDisplayNames(rule.Descriptor.Id));

    [TestCaseSource(nameof(RuleIds))]
    public void Vulnerable_fixture_reports_exactly_the_marked_lines(string ruleId)
    {
        var path = FixtureFiles.PathOf(ruleId, "Vulnerable");
        var expected = FixtureFiles.ExpectedFindings(path);
        var report = FixtureFiles.Analyze(path);

        Assert.Multiple(() =>
        {
            Assert.That(expected.Where(item => item.RuleId == ruleId), Is.Not.Empty, "the fixture must expect the rule at least once");
            Assert.That(
                FixtureFiles.Actual(report).Order(),
                Is.EqualTo(expected.Order()),
                string.Join(Environment.NewLine, report.Findings.Select(finding => finding.ToString())));
        });
    }

    [TestCaseSource(nameof(RuleIds))]
    public void Fixed_fixture_reports_nothing(string ruleId)
    {
        var report = FixtureFiles.Analyze(FixtureFiles.PathOf(ruleId, "Fixed"));

        Assert.That(report.Findings, Is.Empty, string.Join(Environment.NewLine, report.Findings.Select(finding => finding.ToString())));
    }

    [Test]
    public void All_fixed_fixtures_together_report_nothing()
    {
        var paths = BuiltInRules.All.Select(rule => FixtureFiles.PathOf(rule.Descriptor.Id, "Fixed")).ToArray();
        var report = FixtureFiles.Analyze(paths);

        Assert.Multiple(() =>
        {
            Assert.That(report.FileCount, Is.EqualTo(paths.Length));
            Assert.That(report.Findings, Is.Empty, string.Join(Environment.NewLine, report.Findings.Select(finding => finding.ToString())));
        });
    }

    [Test]
    public void Every_rule_has_unique_id_complete_metadata_and_controls_from_the_catalog()
    {
        var analyzer = new CodeAnalyzer();

        Assert.Multiple(() =>
        {
            Assert.That(BuiltInRules.All, Has.Count.GreaterThanOrEqualTo(20));
            Assert.That(analyzer.Rules.Select(rule => rule.Id), Is.Unique.And.Ordered);
            foreach (var rule in analyzer.Rules)
            {
                Assert.That(rule.Id, Does.Match(@"^AC\d{4}$"));
                Assert.That(rule.Name, Does.Match("^[A-Z][A-Za-z]+$"), rule.Id);
                Assert.That(rule.Title, Is.Not.Empty, rule.Id);
                Assert.That(rule.Help.Length, Is.GreaterThan(80), rule.Id);
                Assert.That(rule.SecuritySeverity, Is.InRange(0.0, 10.0), rule.Id);
                Assert.That(rule.Controls, Is.Not.Empty, rule.Id);
                foreach (var control in rule.Controls)
                {
                    Assert.That(ControlCatalog.BuiltIn.TryResolve(control, out var resolved), Is.True, $"{rule.Id} maps unknown control {control}");
                    Assert.That(resolved?.Id, Is.EqualTo(control), $"{rule.Id} should use the canonical ID");
                }
            }
        });
    }

    [TestCaseSource(nameof(RuleIds))]
    public void Rule_has_vulnerable_and_fixed_fixtures_and_its_own_file(string ruleId)
    {
        var rule = BuiltInRules.All.Single(candidate => candidate.Descriptor.Id == ruleId);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(FixtureFiles.PathOf(ruleId, "Vulnerable")), Is.True);
            Assert.That(File.Exists(FixtureFiles.PathOf(ruleId, "Fixed")), Is.True);
            Assert.That(rule.GetType().Name, Does.StartWith(ruleId).And.EndWith("Rule"));
        });
    }
}
