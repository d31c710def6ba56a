using AgentCompliance.Core.Results;
using AgentCompliance.TestServers.Cerbos;

namespace AgentCompliance.ReferencePlatform.Tests;

/// <summary>
/// With a Cerbos URL configured the gateway asks Cerbos instead of its policy file: the hardened platform in front of
/// real Cerbos serving the hardened tool policy passes every policy and audit control.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CerbosGatewayTests
{
    [Test]
    public async Task The_hardened_platform_asking_real_Cerbos_passes_every_policy_and_audit_control()
    {
        await using var cerbos = await CerbosServer.StartAsync("hardened");
        await using var platform = await ReferencePlatformHost.StartAsync(PlatformConfiguration.Hardened with { CerbosUrl = cerbos.BaseUrl });
        using var run = PlatformRun.Create();
        await run.RunAsync(platform, "", RepositoryLayout.PathOf("samples", "reference-platform", "pins", "tool-server.json"), "policy", "audit");

        Assert.Multiple(() =>
        {
            Assert.That(platform.Endpoints.PolicyDecisionPoint, Is.EqualTo(cerbos.BaseUrl));
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.Empty, run.Failures);
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(10), run.Failures);
        });
    }
}
