using AgentCompliance.Probes.Spiffe;
using AgentCompliance.Probes.Transport;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>Path validation with the trust bundle as the only anchor: good, expired, from another CA, empty bundle.</summary>
[TestFixture]
public sealed class X509SvidChainCheckTests
{
    private TestCertificateAuthority _ca = null!;
    private TestCertificateAuthority _other = null!;

    [OneTimeSetUp]
    public void Create()
    {
        _ca = TestCertificateAuthority.Create("Chain check CA", "example.org");
        _other = TestCertificateAuthority.Create("_other CA", "example.org");
    }

    [OneTimeTearDown]
    public void DisposeAll()
    {
        _ca.Dispose();
        _other.Dispose();
    }

    private static X509Svid Svid(System.Security.Cryptography.X509Certificates.X509Certificate2 leaf) => new(leaf, [], "test");

    [Test]
    public void An_svid_issued_by_a_bundle_authority_chains()
    {
        Assert.That(X509SvidChainCheck.Check(Svid(_ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1))), [_ca.Certificate], DateTimeOffset.UtcNow), Is.Empty);
    }

    [Test]
    public void An_expired_svid_is_reported_with_its_expiry()
    {
        var leaf = _ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddDays(-1));
        Assert.That(X509SvidChainCheck.Check(Svid(leaf), [_ca.Certificate], DateTimeOffset.UtcNow),
            Is.EqualTo(new[] { $"the certificate expired on {CertificateFacts.Timestamp(leaf.NotAfter)}" }));
    }

    [Test]
    public void An_svid_from_another_ca_does_not_chain_even_if_the_system_trusted_it()
    {
        var problems = X509SvidChainCheck.Check(Svid(_other.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1))), [_ca.Certificate], DateTimeOffset.UtcNow);
        Assert.That(problems, Is.EqualTo(new[] { "the certificate does not chain to the SPIFFE trust bundle (issuer: CN=_other CA)" }));
    }

    [Test]
    public void A_bundle_without_x509_authorities_verifies_nothing()
    {
        var problems = X509SvidChainCheck.Check(Svid(_ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1))), [], DateTimeOffset.UtcNow);
        Assert.That(problems.Single(), Does.StartWith("the trust bundle holds no X.509 authority"));
    }
}
