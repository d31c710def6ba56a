using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Rules;
using AgentCompliance.ThreatModel.Tests.Fixtures;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>TM039: fires where the hardened model is weakened as the rule describes, and not on the hardened model.</summary>
public sealed class CodeExecutionToolRuleTests
{
    private readonly CodeExecutionToolRule _rule = new();

    [Test]
    public void Fires_on_a_model_with_the_weakness() =>
        RuleAssert.FiresOn(_rule, Weakened(TestModels.Hardened), "run-shell");

    [Test]
    public void Does_not_fire_on_the_hardened_model() =>
        RuleAssert.DoesNotFireOn(_rule, TestModels.Hardened);

    private static SystemModel Weakened(SystemModel m) =>
        m.Adding(new ToolElement { Id = "run-shell", Name = "run_shell_command", Server = "tool-server", Sensitivity = ToolSensitivity.Write });
}
