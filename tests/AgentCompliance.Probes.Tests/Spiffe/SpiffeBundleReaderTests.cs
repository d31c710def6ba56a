using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Spiffe;
using AgentCompliance.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>
/// Trust bundles from files (SPIFFE bundle JSON, PEM) and from a bundle endpoint — including hostile ones: 50 MB,
/// invalid JSON, a redirect to another origin, no answer, a JWK set of garbage. Each fails naming the endpoint.
/// </summary>
[TestFixture]
public sealed class SpiffeBundleReaderTests
{
    private TestTrustDomain _domain = null!;
    private HostileServer _hostile = null!;
    private LoopbackWebHost _bundleEndpoint = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _domain = TestTrustDomain.Create("example.org");
        _hostile = await HostileServer.StartAsync();
        var json = _domain.BundleJson();
        _bundleEndpoint = await LoopbackWebHost.StartAsync(app => app.MapGet("/bundle", () => Results.Text(json, "application/json")));
        _folder = Directory.CreateTempSubdirectory("agentcompliance-bundle-").FullName;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _hostile.DisposeAsync();
        await _bundleEndpoint.DisposeAsync();
        _domain.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static ProbeHttpClient Client(TimeSpan? timeout = null) => new(
        new ProbeHttpOptions { AllowInsecureLoopback = true, RequestTimeout = timeout ?? TimeSpan.FromSeconds(10) }, new EvidenceList(), Redactor.PatternsOnly);

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Test]
    public void A_spiffe_bundle_file_yields_its_x509_and_jwt_authorities()
    {
        var bundle = SpiffeBundleReader.FromFile(File("bundle.json", _domain.BundleJson()));
        Assert.That(bundle.X509Authorities.Single().Thumbprint, Is.EqualTo(_domain.Authority.Certificate.Thumbprint));
        Assert.That(bundle.JwtAuthorities.Single().Kid, Is.EqualTo(_domain.JwtKeyId));
        Assert.That(bundle.IgnoredEntries, Is.Empty);
    }

    [Test]
    public void A_pem_bundle_file_yields_x509_authorities_only()
    {
        var bundle = SpiffeBundleReader.FromFile(File("bundle.pem", _domain.Authority.CertificatePem));
        Assert.That(bundle.X509Authorities, Has.Count.EqualTo(1));
        Assert.That(bundle.JwtAuthorities, Is.Empty);
    }

    [Test]
    public async Task The_bundle_endpoint_is_read_through_the_bounded_client()
    {
        using var client = Client();
        var bundle = await SpiffeBundleReader.FromEndpointAsync(client, new Uri(_bundleEndpoint.BaseUrl, "bundle"));
        Assert.That(bundle.Source, Is.EqualTo($"the SPIFFE bundle from {_bundleEndpoint.BaseUrl}bundle"));
        Assert.That(bundle.JwtAuthorities, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_50_MB_bundle_is_not_read_beyond_the_cap()
    {
        using var client = Client();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => SpiffeBundleReader.FromEndpointAsync(client, new Uri(_hostile.BaseUrl, "huge")));
        Assert.That(error!.Message, Is.EqualTo($"{_hostile.BaseUrl}huge answered with a body larger than the cap; it was not read as JSON"));
    }

    [Test]
    public void Invalid_json_names_the_endpoint()
    {
        using var client = Client();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => SpiffeBundleReader.FromEndpointAsync(client, new Uri(_hostile.BaseUrl, "invalid-json")));
        Assert.That(error!.Message, Does.StartWith($"{_hostile.BaseUrl}invalid-json answered 200 with invalid JSON"));
    }

    [Test]
    public void A_redirect_to_another_origin_is_not_followed()
    {
        using var client = Client();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => SpiffeBundleReader.FromEndpointAsync(client, new Uri(_hostile.BaseUrl, "redirect-other-origin")));
        Assert.That(error!.Message, Does.StartWith($"the SPIFFE bundle endpoint {_hostile.BaseUrl}redirect-other-origin answered 302 with a redirect: redirect to another origin"));
        Assert.That(_hostile.CredentialsReceivedByOtherOrigin, Is.Empty);
    }

    [Test]
    public void A_slow_endpoint_fails_after_the_timeout()
    {
        using var client = Client(TimeSpan.FromSeconds(1));
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => SpiffeBundleReader.FromEndpointAsync(client, new Uri(_hostile.BaseUrl, "slow")));
        Assert.That(error!.Message, Is.EqualTo($"{_hostile.BaseUrl}slow did not answer within 1 s"));
    }

    [Test]
    public void A_jwk_set_of_garbage_holds_no_usable_authority_and_says_why_per_key()
    {
        using var client = Client();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => SpiffeBundleReader.FromEndpointAsync(client, new Uri(_hostile.BaseUrl, "jwks-garbage")));
        Assert.That(error!.Message, Is.EqualTo(
            $"the SPIFFE bundle from {_hostile.BaseUrl}jwks-garbage holds no usable X.509 or JWT authority (key #1: RSA key (kid 'a') has missing or malformed parameters; "
            + "key #2: EC key (kid 'b') has missing or malformed parameters; key #3: key type 'oct' cannot verify a JWT-SVID (RSA or EC expected); "
            + "key #4: a JSON number, not a JWK; key #5: a JSON string, not a JWK)"));
    }

    [Test]
    public void A_file_that_is_neither_pem_nor_json_is_a_clear_error()
    {
        var path = File("bundle.txt", "garbage");
        var error = Assert.Throws<ProbeFailedException>(() => SpiffeBundleReader.FromFile(path));
        Assert.That(error!.Message, Does.StartWith($"the SPIFFE trust bundle file {path} is neither PEM nor valid JSON"));
    }
}
