using AgentCompliance.Probes.Tokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Tokens;

/// <summary>Distinct agent subjects, no person's subject on an agent, and delegated tokens that name the actor and narrow rights.</summary>
[TestFixture]
public sealed class IdentityCheckTests
{
    [Test]
    public void Distinct_subjects_hold() =>
        Assert.That(DistinctSubjectCheck.Check(new Dictionary<string, string?> { ["a"] = "client-a", ["b"] = "client-b" }).Holds, Is.True);

    [Test]
    public void A_shared_subject_fails_naming_the_agents() =>
        Assert.That(
            DistinctSubjectCheck.Check(new Dictionary<string, string?> { ["research"] = "shared", ["billing"] = "shared", ["ops"] = "ops" }),
            Is.EqualTo(CheckOutcome.Fail("agents 'research' and 'billing' all receive tokens with the subject 'shared'")));

    [Test]
    public void A_token_without_any_subject_fails() =>
        Assert.That(DistinctSubjectCheck.Check(new Dictionary<string, string?> { ["a"] = null }).Message, Is.EqualTo("the token of agent 'a' names no subject (no 'sub' or 'client_id')"));

    [Test]
    public void An_agent_with_a_persons_subject_fails() =>
        Assert.That(
            HumanSubjectCheck.Check(new Dictionary<string, string?> { ["research"] = "ops-admin" }, new Dictionary<string, string> { ["operator"] = "ops-admin" }),
            Is.EqualTo(CheckOutcome.Fail("agent 'research' receives tokens with the subject 'ops-admin' of the person 'operator'")));

    [Test]
    public void Agents_with_their_own_subjects_hold() =>
        Assert.That(HumanSubjectCheck.Check(new Dictionary<string, string?> { ["research"] = "research" }, new Dictionary<string, string> { ["alice"] = "alice" }).Holds, Is.True);

    private static AccessTokenClaims Delegated(string? actor, string subject = "alice", string[]? scopes = null, string[]? aud = null) => new()
    {
        Source = "JWT payload",
        Subject = subject,
        HasActor = actor is not null,
        ActorSubject = actor,
        Scopes = scopes ?? ["tools:read"],
        Audiences = aud ?? ["https://api.test/research"],
    };

    private static readonly AccessTokenClaims Persons = new()
    {
        Source = "JWT payload",
        Subject = "alice",
        Scopes = ["tools:read", "payments:read"],
        Audiences = ["https://api.test/research", "https://api.test/billing"],
    };

    [Test]
    public void A_delegated_token_naming_the_agent_holds() =>
        Assert.That(DelegationActorCheck.Check(Delegated("research-agent"), "alice", ["research-agent"]).Holds, Is.True);

    [Test]
    public void A_delegated_token_without_act_is_impersonation() =>
        Assert.That(DelegationActorCheck.Check(Delegated(null), "alice", ["research-agent"]).Message, Does.StartWith("it has no 'act' claim, so the agent acts as the person (impersonation)"));

    [Test]
    public void A_delegated_token_naming_someone_else_fails() =>
        Assert.That(
            DelegationActorCheck.Check(Delegated("billing-agent", subject: "research-agent"), "alice", ["research-agent"]).Message,
            Is.EqualTo("its subject is 'research-agent', not the person 'alice' who delegated; its act.sub is 'billing-agent', not the agent ('research-agent')"));

    [Test]
    public void A_strictly_narrower_delegated_token_holds() =>
        Assert.That(DelegationNarrowingCheck.Check(Delegated("a"), null, Persons).Holds, Is.True);

    [Test]
    public void A_delegated_token_with_the_persons_full_rights_fails() =>
        Assert.That(
            DelegationNarrowingCheck.Check(Delegated("a", scopes: ["tools:read", "payments:read"], aud: ["https://api.test/research", "https://api.test/billing"]), null, Persons).Message,
            Does.EndWith("as the person's token, so the agent holds the person's full rights"));

    [Test]
    public void A_delegated_token_wider_than_the_persons_fails() =>
        Assert.That(
            DelegationNarrowingCheck.Check(Delegated("a", scopes: ["tools:read", "admin"], aud: ["https://api.test/ops"]), null, Persons),
            Is.EqualTo(CheckOutcome.Fail("it grants admin, which the person's token does not; it is meant for https://api.test/ops, which the person's token is not")));
}
