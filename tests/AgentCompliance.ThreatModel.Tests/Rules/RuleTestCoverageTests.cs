using AgentCompliance.ThreatModel.Rules;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>No rule ships without its tests: each built-in rule has a <c>&lt;Rule&gt;Tests</c> class beside the others.</summary>
public sealed class RuleTestCoverageTests
{
    [Test]
    public void Every_built_in_rule_has_a_test_class_and_every_rule_class_is_built_in()
    {
        var testClasses = typeof(RuleTestCoverageTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var ruleTypes = typeof(IThreatRule).Assembly.GetTypes().Where(t => typeof(IThreatRule).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface).ToList();

        Assert.That(BuiltInThreatRules.All.Select(r => r.GetType().Name).Where(name => !testClasses.Contains(name + "Tests")), Is.Empty);
        Assert.That(ruleTypes.Select(t => t.Name).Except(BuiltInThreatRules.All.Select(r => r.GetType().Name)), Is.Empty, "a rule class that is not registered never runs");
    }
}
