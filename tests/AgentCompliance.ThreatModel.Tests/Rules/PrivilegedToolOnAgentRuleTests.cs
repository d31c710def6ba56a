using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Rules;
using AgentCompliance.ThreatModel.Tests.Fixtures;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>TM011: fires where the hardened model is weakened as the rule describes, and not on the hardened model.</summary>
public sealed class PrivilegedToolOnAgentRuleTests
{
    private readonly PrivilegedToolOnAgentRule _rule = new();

    [Test]
    public void Fires_on_a_model_with_the_weakness() =>
        RuleAssert.FiresOn(_rule, Weakened(TestModels.Hardened), "planner-agent");

    [Test]
    public void Does_not_fire_on_the_hardened_model() =>
        RuleAssert.DoesNotFireOn(_rule, TestModels.Hardened);

    private static SystemModel Weakened(SystemModel m) =>
        m.Adding(new ToolElement { Id = "grant-role", Name = "grant_role", Server = "tool-server", Sensitivity = ToolSensitivity.Privileged, RequiresHumanApproval = true })
            .WithAgent("planner-agent", a => a with { Tools = [.. a.Tools, "grant-role"] });
}
