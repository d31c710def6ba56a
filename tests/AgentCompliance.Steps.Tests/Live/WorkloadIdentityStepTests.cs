using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Steps.Live;

namespace AgentCompliance.Steps.Tests.Live;

/// <summary>
/// SPIFFE steps on what the profile alone says: without a spiffe section or agents nothing is verified and the step
/// fails; agents without, with invalid or with shared SPIFFE IDs, or IDs outside the trust domain, are named. (The
/// SVIDs themselves are checked end to end in the live acceptance tests.)
/// </summary>
public sealed class WorkloadIdentityStepTests
{
    private static readonly SpiffeSettings Spiffe = new() { TrustDomain = "example.org", Bundle = new SpiffeBundleLocation { File = "bundle.json" } };

    private static (WorkloadIdentitySteps Steps, DeploymentContext Deployment) Given(SpiffeSettings? spiffe, params AgentIdentity[] agents)
    {
        var deployment = new DeploymentContext(
            new TargetContext { Profile = new TargetProfile { Version = 1, Name = "spiffe", Spiffe = spiffe, Agents = agents } },
            new RecordedEvidence(),
            new SecretRegistry());
        return (new WorkloadIdentitySteps(new WorkloadIdentityContext(deployment)), deployment);
    }

    private static AgentIdentity Agent(string name, string? spiffeId) => new() { Name = name, ClientId = name, SpiffeId = spiffeId };

    [Test]
    public void Distinct_valid_spiffe_ids_pass()
    {
        var (steps, deployment) = Given(Spiffe, Agent("planner", "spiffe://example.org/agents/planner"), Agent("researcher", "spiffe://example.org/agents/researcher"));
        using (deployment)
        {
            Assert.DoesNotThrowAsync(steps.ThenEveryAgentHasASpiffeIdOfItsOwn);
            Assert.DoesNotThrowAsync(steps.ThenEveryAgentsSpiffeIdBelongsToTheProfilesTrustDomain);
        }
    }

    [Test]
    public void Missing_invalid_and_shared_ids_are_each_named()
    {
        var (steps, deployment) = Given(
            Spiffe,
            Agent("a", "spiffe://example.org/agents/same"),
            Agent("b", "spiffe://example.org/agents/same"),
            Agent("c", null),
            Agent("d", "spiffe://example.org/agents/"));
        using (deployment)
        {
            var failure = Assert.ThrowsAsync<ControlFailedException>(steps.ThenEveryAgentHasASpiffeIdOfItsOwn)!;
            Assert.That(failure.Message, Does.Contain("agent 'c' has no spiffeId in the profile")
                .And.Contain("agent 'd' has the spiffeId 'spiffe://example.org/agents/', which is not a valid SPIFFE ID: its path has an empty segment")
                .And.Contain("agents 'a' and 'b' are given the same SPIFFE ID 'spiffe://example.org/agents/same' in the profile"));
        }
    }

    [Test]
    public void An_id_in_another_trust_domain_is_named()
    {
        var (steps, deployment) = Given(Spiffe, Agent("planner", "spiffe://example.org/agents/planner"), Agent("partner", "spiffe://partner.test/agents/x"));
        using (deployment)
        {
            var failure = Assert.ThrowsAsync<ControlFailedException>(steps.ThenEveryAgentsSpiffeIdBelongsToTheProfilesTrustDomain)!;
            Assert.That(failure.Message, Is.EqualTo($"SPIFFE IDs outside the trust domain 'example.org':{Environment.NewLine}  - agent 'partner': its profile spiffeId 'spiffe://partner.test/agents/x' is in the trust domain 'partner.test', not in 'example.org'"));
        }
    }

    [Test]
    public void Without_a_spiffe_section_nothing_is_verified()
    {
        var (steps, deployment) = Given(null, Agent("planner", "spiffe://example.org/agents/planner"));
        using (deployment)
        {
            var failure = Assert.ThrowsAsync<ControlFailedException>(steps.ThenEveryAgentsSpiffeIdBelongsToTheProfilesTrustDomain)!;
            Assert.That(failure.Message, Does.StartWith("the profile has no 'spiffe' section"));
        }
    }

    [Test]
    public void Without_agents_nothing_is_verified()
    {
        var (steps, deployment) = Given(Spiffe);
        using (deployment)
        {
            var failure = Assert.ThrowsAsync<ControlFailedException>(steps.ThenEveryAgentHasASpiffeIdOfItsOwn)!;
            Assert.That(failure.Message, Does.StartWith("the profile names no agents"));
        }
    }

    [Test]
    public void An_agent_without_an_svid_source_fails_the_svid_checks()
    {
        var (steps, deployment) = Given(Spiffe, Agent("planner", "spiffe://example.org/agents/planner"));
        using (deployment)
        {
            var failure = Assert.ThrowsAsync<ControlFailedException>(() => steps.ThenEveryAgentsX509SvidIsValidForAtMost(3600))!;
            Assert.That(failure.Message, Does.EndWith("agent 'planner' (spiffe://example.org/agents/planner): its X.509-SVID cannot be checked: the profile gives no X.509-SVID source for it (set agents[].svid.file or agents[].svid.endpoint)"));
        }
    }
}
