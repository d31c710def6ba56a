using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Rules;
using AgentCompliance.ThreatModel.Tests.Fixtures;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>TM006: fires where the hardened model is weakened as the rule describes, and not on the hardened model.</summary>
public sealed class NonExpiringStaticSecretRuleTests
{
    private readonly NonExpiringStaticSecretRule _rule = new();

    [Test]
    public void Fires_on_a_model_with_the_weakness() =>
        RuleAssert.FiresOn(_rule, Weakened(TestModels.Hardened), "executor-identity");

    [Test]
    public void Does_not_fire_on_the_hardened_model() =>
        RuleAssert.DoesNotFireOn(_rule, TestModels.Hardened);

    private static SystemModel Weakened(SystemModel m) =>
        m.WithIdentity("executor-identity", i => i with { CredentialType = CredentialType.ApiKey, CredentialLifetimeSeconds = null });
}
