using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Spiffe;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>
/// Reading the X.509-SVID an mTLS endpoint presents: Kestrel with an SVID as server certificate, requiring a client
/// certificate from the trust domain. The harness presents its own SVID, trusts only the bundle, and keeps the
/// certificate of an untrusted endpoint for the checks while aborting the handshake.
/// </summary>
[TestFixture]
public sealed class X509SvidEndpointTests
{
    private TestTrustDomain _domain = null!;
    private TestTrustDomain _foreign = null!;

    [OneTimeSetUp]
    public void CreateDomains()
    {
        _domain = TestTrustDomain.Create("example.org");
        _foreign = TestTrustDomain.Create("example.org");
    }

    [OneTimeTearDown]
    public void DisposeDomains()
    {
        _domain.Dispose();
        _foreign.Dispose();
    }

    [Test]
    public async Task The_svid_of_an_mtls_endpoint_is_read_presenting_the_harness_certificate()
    {
        await using var server = await TlsTestServer.StartAsync(_domain.IssueSvid("/agents/researcher"), requireClientCertificateFrom: _domain.Authority.Certificate);
        var svid = await new X509SvidEndpoint(TimeSpan.FromSeconds(10)).ReadAsync(server.BaseUrl, [_domain.Authority.Certificate], _domain.IssueSvid("/harness"));
        Assert.That(X509SvidIdentityCheck.Check(svid.Leaf).Id!.ToString(), Is.EqualTo("spiffe://example.org/agents/researcher"));
        Assert.That(svid.Source, Is.EqualTo($"the TLS handshake with 127.0.0.1:{server.BaseUrl.Port}"));
        Assert.That(X509SvidChainCheck.Check(svid, [_domain.Authority.Certificate], DateTimeOffset.UtcNow), Is.Empty);
    }

    [Test]
    public async Task An_endpoint_presenting_an_untrusted_svid_is_still_read_so_the_checks_can_say_why()
    {
        await using var server = await TlsTestServer.StartAsync(_foreign.IssueSvid("/agents/impostor"));
        var svid = await new X509SvidEndpoint(TimeSpan.FromSeconds(10)).ReadAsync(server.BaseUrl, [_domain.Authority.Certificate], null);
        Assert.That(X509SvidChainCheck.Check(svid, [_domain.Authority.Certificate], DateTimeOffset.UtcNow).Single(), Does.StartWith("the certificate does not chain to the SPIFFE trust bundle"));
    }

    [Test]
    public async Task An_endpoint_that_never_answers_fails_after_the_timeout()
    {
        await using var silent = SilentTcpServer.Start();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => new X509SvidEndpoint(TimeSpan.FromSeconds(1)).ReadAsync(silent.HttpsUrl, [_domain.Authority.Certificate], null));
        Assert.That(error!.Message, Is.EqualTo($"127.0.0.1:{silent.Port} did not complete a TLS handshake within 1 s"));
    }
}
