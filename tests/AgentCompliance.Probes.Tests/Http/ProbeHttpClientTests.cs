using System.Diagnostics;
using System.Net;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.TestServers;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Http;

/// <summary>
/// The bounded client against endpoints that misbehave on purpose: it stays bounded in time and memory, refuses
/// insecure transport, records redacted evidence, and never carries a credential to another origin.
/// </summary>
[TestFixture]
public sealed class ProbeHttpClientTests
{
    private const string Secret = "client-secret-value-123";
    private HostileServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await HostileServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static ProbeHttpClient Client(EvidenceList evidence, TimeSpan? timeout = null)
    {
        var secrets = new SecretRegistry();
        secrets.Add(Secret);
        return new ProbeHttpClient(
            new ProbeHttpOptions { AllowInsecureLoopback = true, RequestTimeout = timeout ?? TimeSpan.FromSeconds(10), MaxResponseBytes = 256 * 1024 },
            evidence,
            new Redactor(secrets));
    }

    private Uri Url(string path) => new(_server.BaseUrl, path);

    [Test]
    public void A_slow_endpoint_fails_after_the_request_timeout_naming_the_endpoint()
    {
        using var client = Client(new EvidenceList(), TimeSpan.FromSeconds(1));
        var started = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => client.SendAsync(ProbeRequest.Get(Url("slow"))));
        Assert.That(error!.Message, Does.Contain($"{_server.BaseUrl}slow did not answer within 1 s"));
        // Bounded by the 1 s limit, not by the server's 60 s delay (generous margin: this is not a timing assertion).
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task A_50_MB_body_is_read_only_up_to_the_cap_and_is_not_parsed_as_json()
    {
        using var client = Client(new EvidenceList());
        var response = await client.SendAsync(ProbeRequest.Get(Url("huge")));
        Assert.That(response.Truncated, Is.True);
        Assert.That(response.Body, Has.Length.EqualTo(256 * 1024));
        var error = Assert.Throws<ProbeFailedException>(() => response.Json().Dispose());
        Assert.That(error!.Message, Does.Contain("larger than the cap"));
    }

    [Test]
    public async Task Invalid_json_is_a_probe_error_naming_the_endpoint()
    {
        using var client = Client(new EvidenceList());
        var response = await client.SendAsync(ProbeRequest.Get(Url("invalid-json")));
        var error = Assert.Throws<ProbeFailedException>(() => response.Json().Dispose());
        Assert.That(error!.Message, Does.StartWith($"{_server.BaseUrl}invalid-json answered 200 with invalid JSON"));
    }

    [Test]
    public async Task A_redirect_to_another_origin_is_not_followed_and_no_credential_reaches_it()
    {
        using var client = Client(new EvidenceList());
        var request = ProbeRequest.Get(Url("redirect-other-origin"), ProbeRequest.BearerAuthorization("token-for-the-first-origin"));
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectNotFollowed, Does.Contain("another origin"));
        Assert.That(_server.CredentialsReceivedByOtherOrigin, Is.Empty);
    }

    [Test]
    public async Task A_same_origin_redirect_is_followed_with_the_request_headers()
    {
        using var client = Client(new EvidenceList());
        var response = await client.SendAsync(ProbeRequest.Get(Url("redirect-same-origin"), ProbeRequest.BearerAuthorization("token-for-this-origin")));
        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.BodyText, Is.EqualTo("""{"authorization":true}"""));
    }

    [Test]
    public async Task A_redirect_loop_stops_after_the_limit()
    {
        using var client = Client(new EvidenceList());
        var response = await client.SendAsync(ProbeRequest.Get(Url("redirect-loop")));
        Assert.That(response.RedirectNotFollowed, Is.EqualTo("more than 3 redirects"));
    }

    [Test]
    public void An_unreachable_endpoint_is_a_probe_error_not_a_hang()
    {
        using var client = Client(new EvidenceList(), TimeSpan.FromSeconds(2));
        var port = LoopbackPort.GetFree();
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => client.SendAsync(ProbeRequest.Get(new Uri($"http://127.0.0.1:{port}/token"))));
        Assert.That(error!.Message, Is.EqualTo($"http://127.0.0.1:{port}/token could not be reached: connection refused (is the service running?)"));
    }

    [TestCase("http://127.0.0.1:9/token", true, null)]
    [TestCase("http://127.0.0.1:9/token", false, "set transport.allowInsecureLoopback: true")]
    [TestCase("http://idp.example/token", true, "plain http to a non-loopback host")]
    [TestCase("ftp://127.0.0.1/token", true, "only https")]
    [TestCase("https://idp.example/token", false, null)]
    public void Transport_rules_allow_http_only_to_loopback_and_only_when_the_profile_says_so(string url, bool allowLoopback, string? violation)
    {
        var result = TransportRules.Violation(new Uri(url), allowLoopback);
        if (violation is null)
        {
            Assert.That(result, Is.Null);
        }
        else
        {
            Assert.That(result, Does.Contain(violation));
        }
    }

    [Test]
    public void A_refused_transport_sends_nothing()
    {
        var evidence = new EvidenceList();
        using var client = new ProbeHttpClient(new ProbeHttpOptions { AllowInsecureLoopback = false }, evidence, Redactor.PatternsOnly);
        Assert.ThrowsAsync<ProbeFailedException>(() => client.SendAsync(ProbeRequest.Get(Url("echo-authorization"))));
        Assert.That(evidence.Items, Is.Empty);
    }

    [Test]
    public async Task Evidence_records_the_exchange_with_credentials_and_secrets_redacted()
    {
        var evidence = new EvidenceList();
        using var client = Client(evidence);
        var request = ProbeRequest.PostForm(Url("echo-authorization"), [new("client_id", "agent"), new("note", Secret)], ProbeRequest.BasicAuthorization("agent", Secret));
        await client.SendAsync(request);
        var item = evidence.Items.Single();
        Assert.That(item.Kind, Is.EqualTo("http"));
        Assert.That(item.Title, Is.EqualTo($"POST {_server.BaseUrl}echo-authorization → 405"));
        Assert.That(item.Text, Does.Contain("Authorization: Basic [REDACTED]"));
        Assert.That(item.Text, Does.Contain("note=[REDACTED]"));
        Assert.That(item.Text, Does.Not.Contain(Secret));
    }
}
