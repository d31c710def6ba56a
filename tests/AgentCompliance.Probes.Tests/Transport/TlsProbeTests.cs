using System.Security.Authentication;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Transport;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Transport;

/// <summary>
/// Real TLS handshakes with Kestrel endpoints whose certificates come from a CA made for the test: the probe reports
/// the negotiated version and refuses expired, wrong-host and untrusted certificates with the reason, stays bounded on
/// an endpoint that never answers, and records what it saw as evidence.
/// </summary>
[TestFixture]
public sealed class TlsProbeTests
{
    private TestCertificateAuthority _ca = null!;
    private TestCertificateAuthority _otherCa = null!;
    private readonly List<IAsyncDisposable> _servers = [];

    [OneTimeSetUp]
    public void CreateAuthorities()
    {
        _ca = TestCertificateAuthority.Create("Probe test CA");
        _otherCa = TestCertificateAuthority.Create("Unknown CA");
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _ca.Dispose();
        _otherCa.Dispose();
    }

    private async Task<Uri> Serve(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, SslProtocols protocols = SslProtocols.None)
    {
        var server = await TlsTestServer.StartAsync(certificate, protocols);
        _servers.Add(server);
        return server.BaseUrl;
    }

    private TlsProbe Probe(EvidenceList evidence, TimeSpan? timeout = null) =>
        new(timeout ?? TimeSpan.FromSeconds(10), new CertificateTrust([_ca.Certificate]), evidence, Redactor.PatternsOnly);

    [Test]
    public async Task A_trusted_endpoint_negotiates_TLS_1_3_and_its_certificate_is_recorded()
    {
        var url = await Serve(_ca.IssueServerCertificate());
        var evidence = new EvidenceList();
        var handshake = await Probe(evidence).HandshakeAsync(url);
        Assert.Multiple(() =>
        {
            Assert.That(handshake.Completed, Is.True);
            Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls13));
            Assert.That(handshake.CertificateProblems, Is.Empty);
            Assert.That(handshake.CipherSuite, Is.Not.Null);
        });
        var item = evidence.Items.Single();
        Assert.That(item.Kind, Is.EqualTo("tls"));
        Assert.That(item.Title, Is.EqualTo($"TLS 127.0.0.1:{url.Port} → TLS 1.3, certificate accepted"));
        Assert.That(item.Text, Does.Contain("Issuer: CN=Probe test CA").And.Contain("IP:127.0.0.1").And.Contain("SHA-256 fingerprint:"));
    }

    [Test]
    public async Task An_endpoint_offering_only_TLS_1_2_is_reported_as_TLS_1_2()
    {
        var url = await Serve(_ca.IssueServerCertificate(), SslProtocols.Tls12);
        var handshake = await Probe(new EvidenceList()).HandshakeAsync(url);
        Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls12));
        Assert.That(handshake.ProtocolName, Is.EqualTo("TLS 1.2"));
    }

    [Test]
    public async Task An_expired_certificate_is_refused_saying_when_it_expired()
    {
        var expired = _ca.IssueServerCertificate(notBefore: DateTimeOffset.UtcNow.AddDays(-10), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var handshake = await Probe(new EvidenceList()).HandshakeAsync(await Serve(expired));
        Assert.That(handshake.Completed, Is.False);
        Assert.That(handshake.CertificateProblems, Is.EqualTo(new[] { $"the certificate expired on {CertificateFacts.Timestamp(expired.NotAfter)}" }));
        // The version is known even though the certificate was refused.
        Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls13));
    }

    [Test]
    public async Task A_certificate_for_another_host_is_refused_naming_the_host_and_the_certificate_names()
    {
        var wrongHost = _ca.IssueServerCertificate(dnsNames: ["other.test"], forLoopbackAddress: false);
        var handshake = await Probe(new EvidenceList()).HandshakeAsync(await Serve(wrongHost));
        Assert.That(handshake.CertificateProblems, Is.EqualTo(new[] { "the certificate is not valid for the host '127.0.0.1' (it names DNS:other.test)" }));
    }

    [Test]
    public async Task A_certificate_from_an_untrusted_CA_is_refused_naming_the_issuer()
    {
        var handshake = await Probe(new EvidenceList()).HandshakeAsync(await Serve(_otherCa.IssueServerCertificate()));
        Assert.That(handshake.CertificateProblems, Is.EqualTo(new[] { "the certificate does not chain to the system's roots or transport.trustedCaFile (issuer: CN=Unknown CA)" }));
    }

    [Test]
    public async Task Without_the_private_CA_only_the_system_roots_are_trusted()
    {
        var url = await Serve(_ca.IssueServerCertificate());
        var handshake = await new TlsProbe(TimeSpan.FromSeconds(10), CertificateTrust.System, null, Redactor.PatternsOnly).HandshakeAsync(url);
        Assert.That(handshake.CertificateProblems.Single(), Does.StartWith("the certificate does not chain to the system's roots (issuer: CN=Probe test CA)"));
    }

    [Test]
    public async Task An_endpoint_that_never_answers_the_handshake_fails_after_the_timeout()
    {
        await using var silent = SilentTcpServer.Start();
        var evidence = new EvidenceList();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => Probe(evidence, TimeSpan.FromSeconds(1)).HandshakeAsync(silent.HttpsUrl));
        Assert.That(error!.Message, Is.EqualTo($"127.0.0.1:{silent.Port} did not complete a TLS handshake within 1 s"));
        Assert.That(evidence.Items.Single().Title, Is.EqualTo($"TLS 127.0.0.1:{silent.Port} → handshake failed"));
    }

    [Test]
    public void A_plain_http_endpoint_has_no_TLS_to_check()
    {
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => Probe(new EvidenceList()).HandshakeAsync(new Uri("http://127.0.0.1:9/")));
        Assert.That(error!.Message, Does.Contain("is not an https URL"));
    }

    [Test]
    public void An_unreachable_endpoint_is_a_probe_error()
    {
        var port = LoopbackPort.GetFree();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => Probe(new EvidenceList()).HandshakeAsync(new Uri($"https://127.0.0.1:{port}/")));
        Assert.That(error!.Message, Is.EqualTo($"127.0.0.1:{port} could not be reached: connection refused (is the service running?)"));
    }

    [TestCase("1.2", SslProtocols.Tls12)]
    [TestCase("TLS 1.3", SslProtocols.Tls13)]
    public void Minimum_versions_are_read_as_scenarios_write_them(string text, SslProtocols expected) =>
        Assert.That(TlsVersions.Parse(text), Is.EqualTo(expected));

    [TestCase("1.1")]
    [TestCase("SSL 3")]
    public void Versions_below_TLS_1_2_cannot_be_required(string text) =>
        Assert.Throws<ArgumentException>(() => TlsVersions.Parse(text));
}
