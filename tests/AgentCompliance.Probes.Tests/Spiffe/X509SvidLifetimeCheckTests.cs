using AgentCompliance.Probes.Spiffe;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>notAfter − notBefore against the bound, whatever the current time.</summary>
[TestFixture]
public sealed class X509SvidLifetimeCheckTests
{
    private TestCertificateAuthority _ca = null!;

    [OneTimeSetUp]
    public void Create()
    {
        _ca = TestCertificateAuthority.Create("Lifetime check CA", "example.org");
    }

    [OneTimeTearDown]
    public void DisposeAll()
    {
        _ca.Dispose();
    }

    [Test]
    public void An_hour_long_svid_is_within_an_hour()
    {
        Assert.That(X509SvidLifetimeCheck.Check(_ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1)), TimeSpan.FromHours(1)), Is.Empty);
    }

    [Test]
    public void A_thirty_day_svid_is_reported_with_its_validity_period()
    {
        var svid = _ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromDays(30));
        var problem = X509SvidLifetimeCheck.Check(svid, TimeSpan.FromHours(1)).Single();
        Assert.That(problem, Does.StartWith("it is valid for 2592000 s (30 days), above 3600 s ("));
    }

    [Test]
    public void An_expired_but_short_svid_passes_the_lifetime_bound()
    {
        // Expiry is the chain check's concern; the lifetime bound is about how long a stolen key would work.
        var expired = _ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddDays(-2));
        Assert.That(X509SvidLifetimeCheck.Check(expired, TimeSpan.FromHours(1)), Is.Empty);
    }
}
