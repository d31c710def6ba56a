using System.Security.Cryptography.X509Certificates;
using AgentCompliance.Probes.Spiffe;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>A workload's SVID is a signing leaf: not a CA, digitalSignature, no certificate or CRL signing.</summary>
[TestFixture]
public sealed class X509SvidLeafCheckTests
{
    private TestCertificateAuthority _ca = null!;

    [OneTimeSetUp]
    public void Create()
    {
        _ca = TestCertificateAuthority.Create("Leaf check CA", "example.org");
    }

    [OneTimeTearDown]
    public void DisposeAll()
    {
        _ca.Dispose();
    }

    [Test]
    public void A_signing_leaf_passes()
    {
        Assert.That(X509SvidLeafCheck.Check(_ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1))), Is.Empty);
    }

    [Test]
    public void A_ca_certificate_used_as_svid_is_reported()
    {
        var leaf = _ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1), isCertificateAuthority: true,
            keyUsage: X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign);
        Assert.That(X509SvidLeafCheck.Check(leaf), Is.EqualTo(new[]
        {
            "it is a CA certificate (basicConstraints cA=true); a workload's SVID must be a leaf",
            "its key usage (KeyCertSign, DigitalSignature) allows signing certificates or CRLs (keyCertSign/cRLSign)",
        }));
    }

    [Test]
    public void A_key_usage_without_digital_signature_is_reported()
    {
        var leaf = _ca.IssueSvid(["spiffe://example.org/a"], TimeSpan.FromHours(1), keyUsage: X509KeyUsageFlags.KeyEncipherment);
        Assert.That(X509SvidLeafCheck.Check(leaf), Is.EqualTo(new[] { "its key usage (KeyEncipherment) lacks digitalSignature" }));
    }
}
