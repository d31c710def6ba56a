using AgentCompliance.Probes.Tokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Tokens;

/// <summary>The claim checks (lifetime, audience, scopes) on claims as JWTs and introspection give them.</summary>
[TestFixture]
public sealed class ClaimCheckTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static AccessTokenClaims Claims(TimeSpan? lifetime = null, bool withIat = true, string[]? aud = null, string[]? scopes = null) => new()
    {
        Source = "JWT payload",
        Subject = "research-agent",
        IssuedAt = withIat ? Issued : null,
        ExpiresAt = lifetime is { } l ? Issued + l : null,
        Audiences = aud ?? [],
        Scopes = scopes,
    };

    [Test]
    public void A_five_minute_token_lives_within_fifteen_minutes() =>
        Assert.That(LifetimeCheck.Check(Claims(TimeSpan.FromMinutes(5)), TimeSpan.FromMinutes(15), Issued), Is.EqualTo(CheckOutcome.Pass("lives 300 s (exp − iat), within 900 s")));

    [Test]
    public void A_day_long_token_fails() =>
        Assert.That(LifetimeCheck.Check(Claims(TimeSpan.FromDays(1)), TimeSpan.FromMinutes(15), Issued), Is.EqualTo(CheckOutcome.Fail("lives 86400 s (exp − iat), more than 900 s")));

    [Test]
    public void A_token_without_expiry_fails() =>
        Assert.That(LifetimeCheck.Check(Claims(), TimeSpan.FromMinutes(15), Issued).Message, Does.StartWith("the token states no expiry ('exp' missing from its JWT payload)"));

    [Test]
    public void Without_iat_the_lifetime_counts_from_receipt() =>
        Assert.That(
            LifetimeCheck.Check(Claims(TimeSpan.FromMinutes(20), withIat: false), TimeSpan.FromMinutes(15), Issued + TimeSpan.FromMinutes(10)),
            Is.EqualTo(CheckOutcome.Pass("lives 600 s (exp − receipt ('iat' missing)), within 900 s")));

    [Test]
    public void An_audience_of_exactly_the_resource_holds() =>
        Assert.That(AudienceCheck.Check(Claims(aud: ["https://api.test/research"]), "https://api.test/research").Holds, Is.True);

    [Test]
    public void A_resource_url_matches_regardless_of_host_case() =>
        Assert.That(AudienceCheck.Check(Claims(aud: ["https://API.test/research"]), "https://api.test/research").Holds, Is.True);

    [Test]
    public void A_token_for_several_apis_fails_naming_the_others() =>
        Assert.That(
            AudienceCheck.Check(Claims(aud: ["https://api.test/research", "https://api.test/billing"]), "https://api.test/research"),
            Is.EqualTo(CheckOutcome.Fail("the token is also meant for 'https://api.test/billing' besides 'https://api.test/research'")));

    [Test]
    public void A_token_without_audience_fails() =>
        Assert.That(AudienceCheck.Check(Claims(), "https://api.test/research").Message, Does.StartWith("the token has no audience ('aud'), so any API accepts it"));

    [Test]
    public void A_token_for_another_api_fails() =>
        Assert.That(AudienceCheck.Check(Claims(aud: ["https://api.test/billing"]), "https://api.test/research"), Is.EqualTo(CheckOutcome.Fail("the token's audience is 'https://api.test/billing', not 'https://api.test/research'")));

    [Test]
    public void Scopes_within_the_allowed_set_hold() =>
        Assert.That(ScopeCheck.Check(Claims(scopes: ["tools:read"]), null, ["tools:read", "reports:read"]).Holds, Is.True);

    [Test]
    public void A_wildcard_grant_fails_naming_the_extra_scopes() =>
        Assert.That(
            ScopeCheck.Check(Claims(scopes: ["tools:read", "admin", "payments:write"]), null, ["tools:read"]),
            Is.EqualTo(CheckOutcome.Fail("the token grants admin, payments:write beyond the allowed [tools:read]")));

    [Test]
    public void Scopes_the_token_response_grants_count_when_the_token_states_none() =>
        Assert.That(ScopeCheck.Check(Claims(), "tools:read admin", ["tools:read"]).Holds, Is.False);
}
