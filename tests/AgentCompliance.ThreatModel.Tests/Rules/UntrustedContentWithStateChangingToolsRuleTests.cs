using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Rules;
using AgentCompliance.ThreatModel.Tests.Fixtures;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>TM031: fires where the hardened model is weakened as the rule describes, and not on the hardened model.</summary>
public sealed class UntrustedContentWithStateChangingToolsRuleTests
{
    private readonly UntrustedContentWithStateChangingToolsRule _rule = new();

    [Test]
    public void Fires_on_a_model_with_the_weakness() =>
        RuleAssert.FiresOn(_rule, Weakened(TestModels.Hardened), "executor-agent");

    [Test]
    public void Does_not_fire_on_the_hardened_model() =>
        RuleAssert.DoesNotFireOn(_rule, TestModels.Hardened);

    private static SystemModel Weakened(SystemModel m) =>
        m.Adding(TestModels.External("web")).Adding(TestModels.Flow("executor-browses", "executor-agent", "web"));
}
