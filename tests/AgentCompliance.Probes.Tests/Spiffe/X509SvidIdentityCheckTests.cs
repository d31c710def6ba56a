using AgentCompliance.Probes.Spiffe;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>Exactly one URI SAN, a valid SPIFFE ID with a path — on certificates issued by a test CA.</summary>
[TestFixture]
public sealed class X509SvidIdentityCheckTests
{
    private TestCertificateAuthority _ca = null!;

    [OneTimeSetUp]
    public void Create()
    {
        _ca = TestCertificateAuthority.Create("Identity check CA", "example.org");
    }

    [OneTimeTearDown]
    public void DisposeAll()
    {
        _ca.Dispose();
    }

    [Test]
    public void A_proper_svid_yields_its_spiffe_id()
    {
        var (id, problems) = X509SvidIdentityCheck.Check(_ca.IssueSvid(["spiffe://example.org/agents/planner"], TimeSpan.FromHours(1)));
        Assert.That(problems, Is.Empty);
        Assert.That(id, Is.EqualTo(new SpiffeId("example.org", "/agents/planner")));
    }

    [Test]
    public void Two_uri_sans_are_rejected_naming_both()
    {
        var (id, problems) = X509SvidIdentityCheck.Check(_ca.IssueSvid(["spiffe://example.org/a", "spiffe://example.org/b"], TimeSpan.FromHours(1)));
        Assert.That(id, Is.Null);
        Assert.That(problems, Is.EqualTo(new[] { "it has 2 URI SANs (spiffe://example.org/a, spiffe://example.org/b); an X.509-SVID must carry exactly one" }));
    }

    [Test]
    public void A_certificate_without_a_uri_san_carries_no_spiffe_id()
    {
        var (_, problems) = X509SvidIdentityCheck.Check(_ca.IssueServerCertificate());
        Assert.That(problems, Is.EqualTo(new[] { "it has no URI SAN, so it carries no SPIFFE ID" }));
    }

    [Test]
    public void A_uri_san_that_is_not_a_spiffe_id_is_rejected_with_the_reason()
    {
        var (_, problems) = X509SvidIdentityCheck.Check(_ca.IssueSvid(["https://example.org/agents/a"], TimeSpan.FromHours(1)));
        Assert.That(problems, Is.EqualTo(new[] { "its URI SAN 'https://example.org/agents/a' is not a valid SPIFFE ID: it does not start with spiffe://" }));
    }

    [Test]
    public void A_spiffe_id_without_a_path_names_no_workload()
    {
        var (_, problems) = X509SvidIdentityCheck.Check(_ca.IssueSvid(["spiffe://example.org"], TimeSpan.FromHours(1)));
        Assert.That(problems.Single(), Does.StartWith("its SPIFFE ID 'spiffe://example.org' has no path"));
    }
}
