using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Rules;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>The rule set as a whole: valid control ids only, and every ASI risk, NHI risk and MAESTRO layer covered.</summary>
public sealed class ThreatRuleMetadataTests
{
    private static IReadOnlyList<ThreatRuleMetadata> Metadata => [.. BuiltInThreatRules.All.Select(r => r.Metadata)];

    [Test]
    public void Every_mapped_control_is_a_catalog_control_written_canonically()
    {
        var catalog = ControlCatalog.BuiltIn;
        var problems = Metadata.SelectMany(m => m.Controls
                .Where(id => !catalog.TryResolve(id, out var control) || control.Id != id)
                .Select(id => $"{m.Id}: {catalog.UnknownControlMessage(id)}"))
            .ToList();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void There_are_at_least_forty_rules_with_unique_ids()
    {
        Assert.That(Metadata, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(Metadata.Select(m => m.Id), Is.Unique);
    }

    [Test]
    public void Every_rule_has_complete_metadata()
    {
        Assert.Multiple(() =>
        {
            foreach (var rule in Metadata)
            {
                Assert.That(rule.Id, Does.Match("^TM[0-9]{3}$"));
                Assert.That(rule.Layers, Is.Not.Empty, rule.Id);
                Assert.That(rule.Controls, Is.Not.Empty, rule.Id);
                Assert.That(rule.Likelihood, Is.InRange(1, 5), rule.Id);
                Assert.That(rule.Impact, Is.InRange(1, 5), rule.Id);
                Assert.That(new[] { rule.Title, rule.Mitigation, rule.DetectionLogic, rule.FalsePositives }, Has.All.Length.GreaterThan(10), rule.Id);
            }
        });
    }

    [Test]
    public void Every_ASI_and_NHI_risk_has_a_rule()
    {
        var mapped = Metadata.SelectMany(m => m.Controls).ToHashSet(StringComparer.Ordinal);
        var risks = Enumerable.Range(1, 10).Select(n => $"ASI{n:00}").Concat(Enumerable.Range(1, 10).Select(n => $"NHI{n}"));

        Assert.That(risks.Where(r => !mapped.Contains(r)), Is.Empty);
    }

    [Test]
    public void Every_MAESTRO_layer_has_a_rule_and_cross_layer_threats_exist()
    {
        var layers = Metadata.SelectMany(m => m.Layers).ToHashSet();

        Assert.That(Enum.GetValues<MaestroLayer>().Where(l => !layers.Contains(l)), Is.Empty);
        Assert.That(Metadata.SelectMany(m => m.Controls).Where(c => c.StartsWith("MAESTRO-XL:", StringComparison.Ordinal)).Distinct().Count(), Is.EqualTo(5),
            "every MAESTRO cross-layer threat is mapped by some rule");
        Assert.That(Metadata.Count(m => m.IsCrossLayer), Is.GreaterThan(10));
    }
}
