using System.Text.Json;
using AgentCompliance.Probes.Spiffe;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>
/// JWT-SVIDs signed by a test trust domain's key (ES256) and checked against its bundle: a good one passes; a forged
/// signature, another subject, a missing or wrong audience, a missing, past or distant expiry each fail with a reason.
/// </summary>
[TestFixture]
public sealed class JwtSvidCheckTests
{
    private const string Audience = "spiffe://example.org/gateway";
    private TestTrustDomain _domain = null!;
    private static readonly SpiffeId Planner = new("example.org", "/agents/planner");
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [OneTimeSetUp]
    public void Create()
    {
        _domain = TestTrustDomain.Create("example.org");
    }

    [OneTimeTearDown]
    public void DisposeAll()
    {
        _domain.Dispose();
    }

    private SpiffeBundle Bundle()
    {
        using var json = JsonDocument.Parse(_domain.BundleJson());
        return SpiffeBundleReader.FromJson(json.RootElement, "test bundle");
    }

    private Task<JwtSvidFindings> Check(string token) =>
        JwtSvidCheck.CheckAsync(token, Bundle(), Planner, Audience, TimeSpan.FromMinutes(5), Now);

    [Test]
    public async Task A_short_lived_audience_bound_svid_of_the_agent_passes_and_its_claims_are_decoded()
    {
        var findings = await Check(_domain.IssueJwtSvid(Planner.ToString(), [Audience], Now.AddMinutes(-1), Now.AddMinutes(4)));
        Assert.That(findings.Problems, Is.Empty);
        Assert.That(findings.DecodedClaims, Does.Contain("\"alg\": \"ES256\"").And.Contain("\"sub\": \"spiffe://example.org/agents/planner\""));
    }

    [Test]
    public async Task A_token_signed_by_a_key_outside_the_bundle_is_rejected()
    {
        var findings = await Check(TestTrustDomain.IssueForgedJwt(Planner.ToString(), [Audience], Now.AddMinutes(-1), Now.AddMinutes(4)));
        Assert.That(findings.Problems, Is.EqualTo(new[] { "it is signed by a key (kid 'unknown-key') that is not in the trust bundle" }));
    }

    [Test]
    public async Task Another_agents_subject_is_rejected()
    {
        var findings = await Check(_domain.IssueJwtSvid("spiffe://example.org/agents/billing", [Audience], Now.AddMinutes(-1), Now.AddMinutes(4)));
        Assert.That(findings.Problems, Is.EqualTo(new[] { "its sub 'spiffe://example.org/agents/billing' is not the agent's SPIFFE ID 'spiffe://example.org/agents/planner'" }));
    }

    [Test]
    public async Task A_missing_or_foreign_audience_is_rejected()
    {
        Assert.That((await Check(_domain.IssueJwtSvid(Planner.ToString(), null, Now.AddMinutes(-1), Now.AddMinutes(4)))).Problems,
            Is.EqualTo(new[] { "it has no aud claim, so any service that accepts it could replay it to another" }));
        Assert.That((await Check(_domain.IssueJwtSvid(Planner.ToString(), ["spiffe://example.org/billing"], Now.AddMinutes(-1), Now.AddMinutes(4)))).Problems,
            Is.EqualTo(new[] { $"its aud (spiffe://example.org/billing) does not include '{Audience}'" }));
    }

    [Test]
    public async Task A_token_without_exp_never_expires()
    {
        var findings = await Check(_domain.IssueJwtSvid(Planner.ToString(), [Audience], Now, null));
        Assert.That(findings.Problems, Is.EqualTo(new[] { "it has no exp claim, so it never expires" }));
    }

    [Test]
    public async Task A_day_long_token_exceeds_the_bound()
    {
        var findings = await Check(_domain.IssueJwtSvid(Planner.ToString(), [Audience], Now, Now.AddDays(1)));
        Assert.That(findings.Problems.Single(), Does.StartWith("it is valid for 86400 s (iat to exp ").And.EndWith("), above 300 s"));
    }

    [Test]
    public async Task An_expired_token_is_rejected()
    {
        var findings = await Check(_domain.IssueJwtSvid(Planner.ToString(), [Audience], Now.AddMinutes(-10), Now.AddMinutes(-6)));
        Assert.That(findings.Problems.Single(), Does.StartWith("it expired at "));
    }

    [Test]
    public async Task Text_that_is_not_a_jwt_is_rejected()
    {
        var findings = await Check("not-a-token");
        Assert.That(findings.Problems, Is.EqualTo(new[] { "it is not a JWT (a compact JWS of three base64url parts)" }));
    }
}
