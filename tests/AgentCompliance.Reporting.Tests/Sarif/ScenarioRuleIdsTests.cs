using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Sarif;

namespace AgentCompliance.Reporting.Tests.Sarif;

/// <summary>The control a scenario is filed under in SARIF and annotations: the control, not the MAESTRO layer.</summary>
public sealed class ScenarioRuleIdsTests
{
    private static ScenarioResult Tagged(params string[] controls) => new()
    {
        Id = "identity/tokens.feature:12",
        Name = "Agent tokens are short-lived",
        FeatureName = "Workload identity",
        FeatureFile = "identity/tokens.feature",
        Line = 12,
        Controls = controls,
        Status = ResultStatus.Failed,
    };

    [TestCase(new[] { "MAESTRO-L7", "NHI9", "ASI03" }, "NHI9", TestName = "A feature's layer tag comes first, the scenario's control is the rule")]
    [TestCase(new[] { "ASI03", "MAESTRO-L4" }, "ASI03", TestName = "The first control when it is not a layer")]
    [TestCase(new[] { "MAESTRO-L4" }, "MAESTRO-L4", TestName = "Only a layer: the layer")]
    [TestCase(new string[0], ScenarioRuleIds.Untagged, TestName = "No control: the untagged rule")]
    public void The_rule_is_the_first_control_that_is_not_a_MAESTRO_layer(string[] controls, string rule) =>
        Assert.That(ScenarioRuleIds.Of(Tagged(controls)), Is.EqualTo(rule));
}
