using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Transport;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Transport;

/// <summary>
/// The HTTP client with <c>transport.trustedCaFile</c>: endpoints on the private CA are reached, everything else is
/// still validated (expired, wrong host, unknown CA fail with the reason), and a CA file that is not one fails clearly.
/// </summary>
[TestFixture]
public sealed class CertificateTrustTests
{
    private TestCertificateAuthority _ca = null!;
    private string _caFile = null!;

    [OneTimeSetUp]
    public void CreateAuthority()
    {
        _ca = TestCertificateAuthority.Create("Private CA");
        _caFile = Path.Combine(Directory.CreateTempSubdirectory("agentcompliance-ca-").FullName, "ca.pem");
        File.WriteAllText(_caFile, _ca.CertificatePem);
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(Path.GetDirectoryName(_caFile)!, recursive: true);
    }

    private static ProbeHttpClient Client(CertificateTrust trust) =>
        new(new ProbeHttpOptions { Trust = trust, RequestTimeout = TimeSpan.FromSeconds(10) }, new EvidenceList(), Redactor.PatternsOnly);

    [Test]
    public async Task An_endpoint_on_the_private_CA_is_reached_when_the_CA_file_is_trusted()
    {
        await using var server = await TlsTestServer.StartAsync(_ca.IssueServerCertificate());
        using var client = Client(CertificateTrust.FromPemFile(_caFile));
        var response = await client.SendAsync(ProbeRequest.Get(server.BaseUrl));
        Assert.That(response.BodyText, Is.EqualTo("""{"ok":true}"""));
    }

    [Test]
    public async Task Without_the_CA_file_the_same_endpoint_is_refused_with_the_reason()
    {
        await using var server = await TlsTestServer.StartAsync(_ca.IssueServerCertificate());
        using var client = Client(CertificateTrust.System);
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => client.SendAsync(ProbeRequest.Get(server.BaseUrl)));
        Assert.That(error!.Message, Is.EqualTo($"{server.BaseUrl} could not be reached: TLS certificate refused: the certificate does not chain to the system's roots (issuer: CN=Private CA)"));
    }

    [Test]
    public async Task The_private_CA_does_not_excuse_an_expired_certificate()
    {
        var expired = _ca.IssueServerCertificate(notBefore: DateTimeOffset.UtcNow.AddDays(-3), notAfter: DateTimeOffset.UtcNow.AddDays(-2));
        await using var server = await TlsTestServer.StartAsync(expired);
        using var client = Client(CertificateTrust.FromPemFile(_caFile));
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => client.SendAsync(ProbeRequest.Get(server.BaseUrl)));
        Assert.That(error!.Message, Does.EndWith($"TLS certificate refused: the certificate expired on {CertificateFacts.Timestamp(expired.NotAfter)}"));
    }

    [Test]
    public async Task The_private_CA_does_not_excuse_a_certificate_for_another_host()
    {
        await using var server = await TlsTestServer.StartAsync(_ca.IssueServerCertificate(dnsNames: ["idp.other.test"], forLoopbackAddress: false));
        using var client = Client(CertificateTrust.FromPemFile(_caFile));
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => client.SendAsync(ProbeRequest.Get(server.BaseUrl)));
        Assert.That(error!.Message, Does.EndWith("TLS certificate refused: the certificate is not valid for the host '127.0.0.1' (it names DNS:idp.other.test)"));
    }

    [Test]
    public void A_CA_file_without_a_certificate_is_a_clear_error()
    {
        var file = Path.Combine(Path.GetDirectoryName(_caFile)!, "not-a-ca.pem");
        File.WriteAllText(file, "hello\n");
        var error = Assert.Throws<ProbeFailedException>(() => CertificateTrust.FromPemFile(file));
        Assert.That(error!.Message, Is.EqualTo($"the trusted CA file {file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
    }
}
