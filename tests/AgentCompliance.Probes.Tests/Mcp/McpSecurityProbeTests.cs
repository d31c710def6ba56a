using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Mcp;
using AgentCompliance.TestServers.Mcp;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Mcp;

/// <summary>
/// The security probes against the reference server (weak: every probe must report what it found) and the hardened
/// C# SDK server (every probe must hold), on streamable HTTP and legacy SSE.
/// </summary>
[TestFixture]
public sealed class McpSecurityProbeTests
{
    private ReferenceMcpServer _weak = null!;
    private ReferenceMcpServer _weakSse = null!;
    private HardenedMcpServer _hardened = null!;

    [OneTimeSetUp]
    public async Task StartServers()
    {
        _weak = await ReferenceMcpServer.StartAsync(sse: false);
        _weakSse = await ReferenceMcpServer.StartAsync(sse: true);
        _hardened = await HardenedMcpServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        await _weak.DisposeAsync();
        await _weakSse.DisposeAsync();
        await _hardened.DisposeAsync();
    }

    [Test]
    public async Task The_reference_server_accepts_requests_without_a_token_or_with_a_forged_one()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await AuthenticationRequiredProbe.ProbeAsync(http, McpProbeClients.Target(_weak.Url));

        Assert.That(result.Violations, Is.EqualTo(new[]
        {
            $"MCP server 'tools' ({_weak.Url}) accepted an unauthenticated initialize request with 200: anyone who can reach it can list and call its tools",
            $"MCP server 'tools' ({_weak.Url}) accepted an initialize request with a forged bearer token with 200: anyone who can reach it can list and call its tools",
        }));
    }

    [Test]
    public async Task The_reference_sse_stream_opens_without_a_token()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await AuthenticationRequiredProbe.ProbeAsync(http, McpProbeClients.Target(_weakSse.Url, McpTransport.Sse));

        Assert.That(result.Violations, Has.Count.EqualTo(2).And.All.Contains("accepted").And.Some.Contains("unauthenticated SSE stream request with 200"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_hardened_server_answers_401_with_a_resource_metadata_challenge(bool sse)
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await AuthenticationRequiredProbe.ProbeAsync(http, McpProbeClients.Target(sse ? _hardened.SseUrl : _hardened.Url, sse ? McpTransport.Sse : McpTransport.StreamableHttp));

        Assert.That(result.Violations, Is.Empty);
        Assert.That(result.Observations, Has.Count.EqualTo(2).And.All.Contains("401 with Bearer challenge, resource_metadata=http://127.0.0.1:"));
    }

    [Test]
    public async Task The_hardened_server_publishes_metadata_naming_itself_and_its_issuer()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await ProtectedResourceMetadataProbe.ProbeAsync(http, McpProbeClients.Target(_hardened.Url), _hardened.Issuer.Issuer);

        Assert.That(result.Violations, Is.Empty);
        Assert.That(result.Observations.Single(), Does.Contain($"resource={_hardened.Url}").And.Contain($"authorization_servers=[{_hardened.Issuer.Issuer.ToString().TrimEnd('/')}]"));
    }

    [Test]
    public async Task Metadata_for_the_parent_resource_covers_the_legacy_sse_endpoint()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await ProtectedResourceMetadataProbe.ProbeAsync(http, McpProbeClients.Target(_hardened.SseUrl, McpTransport.Sse), _hardened.Issuer.Issuer);

        Assert.That(result.Violations, Is.Empty);
    }

    [Test]
    public async Task Metadata_for_another_resource_is_a_violation()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var elsewhere = new Uri(_hardened.Url.GetLeftPart(UriPartial.Authority) + "/other");
        var result = await ProtectedResourceMetadataProbe.ProbeAsync(http, McpProbeClients.Target(elsewhere), null);

        Assert.That(result.Violations.Single(), Does.Contain("(RFC 9728 §3.3), so it may be another resource's metadata"));
    }

    [Test]
    public async Task Metadata_naming_another_issuer_than_the_profiles_is_a_violation()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await ProtectedResourceMetadataProbe.ProbeAsync(http, McpProbeClients.Target(_hardened.Url), new Uri("http://127.0.0.1:1/"));

        Assert.That(result.Violations.Single(), Does.Contain("not the profile's issuer http://127.0.0.1:1/"));
    }

    [Test]
    public async Task The_reference_server_publishes_no_metadata()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await ProtectedResourceMetadataProbe.ProbeAsync(http, McpProbeClients.Target(_weak.Url), null);

        var origin = _weak.Url.GetLeftPart(UriPartial.Authority);
        Assert.That(result.Violations.Single(), Is.EqualTo(
            $"MCP server 'tools' ({_weak.Url}) publishes no protected-resource metadata (RFC 9728): it sent no resource_metadata challenge, and "
            + $"{origin}/.well-known/oauth-protected-resource/mcp answered 404, {origin}/.well-known/oauth-protected-resource answered 404"));
    }

    [Test]
    public async Task The_reference_server_accepts_a_foreign_origin_and_host()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await DnsRebindingProbe.ProbeAsync(http, McpProbeClients.Target(_weak.Url));

        Assert.That(result.Violations, Has.Count.EqualTo(2));
        Assert.That(result.Violations[0], Does.StartWith($"MCP server 'tools' ({_weak.Url}) accepted a request with the foreign header 'Origin: {ForeignRequestHeaders.Origin}' (200)"));
        Assert.That(result.Violations[1], Does.StartWith($"MCP server 'tools' ({_weak.Url}) accepted a request with the foreign header 'Host: {ForeignRequestHeaders.HostName}:{_weak.Url.Port}' (200)"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_hardened_server_refuses_a_foreign_origin_and_host_even_with_a_valid_token(bool sse)
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var token = await McpProbeClients.TokenAsync(http, _hardened);
        var result = await DnsRebindingProbe.ProbeAsync(http, McpProbeClients.Target(sse ? _hardened.SseUrl : _hardened.Url, sse ? McpTransport.Sse : McpTransport.StreamableHttp, token));

        Assert.That(result.Violations, Is.Empty);
        Assert.That(result.Observations, Has.Some.Contains("Origin: http://rebinding-probe.invalid → refused with 403").And.Some.Contains("→ refused with 400"));
    }

    [Test]
    public void Without_a_token_a_refusal_of_foreign_headers_would_prove_nothing_so_the_probe_cannot_verify()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => DnsRebindingProbe.ProbeAsync(http, McpProbeClients.Target(_hardened.Url)));
        Assert.That(error!.Message, Does.Contain("refused the plain handshake with 401, so a refusal of foreign Origin or Host headers would prove nothing"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_reference_server_allows_any_origin_by_cors(bool sse)
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var server = sse ? _weakSse : _weak;
        var result = await CorsPolicyProbe.ProbeAsync(http, McpProbeClients.Target(server.Url, sse ? McpTransport.Sse : McpTransport.StreamableHttp));

        Assert.That(result.Violations, Is.EqualTo(new[]
        {
            $"MCP server 'tools' ({server.Url}) answers a CORS preflight from origin {ForeignRequestHeaders.Origin} with Access-Control-Allow-Origin: *: any web page can read its responses",
            $"MCP server 'tools' ({server.Url}) answers the handshake from origin {ForeignRequestHeaders.Origin} with Access-Control-Allow-Origin: *: any web page can read its responses",
        }));
    }

    [Test]
    public async Task The_hardened_server_grants_no_foreign_origin_by_cors()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var token = await McpProbeClients.TokenAsync(http, _hardened);
        var result = await CorsPolicyProbe.ProbeAsync(http, McpProbeClients.Target(_hardened.Url, token: token));

        Assert.That(result.Violations, Is.Empty);
        Assert.That(result.Observations, Has.Count.EqualTo(2).And.All.Contains("no Access-Control-Allow-Origin"));
    }

    [Test]
    public async Task The_reference_server_refuses_forged_and_ended_sessions_with_400_where_the_specification_asks_for_404()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var result = await SessionTerminationProbe.ProbeAsync(http, McpProbeClients.Target(_weak.Url));

        Assert.That(result.Violations, Is.Empty);
        Assert.That(result.Observations, Is.EqualTo(new[]
        {
            "tools/list with a session id it never issued: refused with 400 (the specification asks for 404)",
            "DELETE ended the session: 200",
            "tools/list with the session id it had ended: refused with 400 (the specification asks for 404)",
        }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_hardened_server_ends_sessions_and_refuses_them_afterwards(bool sse)
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var token = await McpProbeClients.TokenAsync(http, _hardened);
        var result = await SessionTerminationProbe.ProbeAsync(http, McpProbeClients.Target(sse ? _hardened.SseUrl : _hardened.Url, sse ? McpTransport.Sse : McpTransport.StreamableHttp, token));

        Assert.That(result.Violations, Is.Empty);
        Assert.That(result.Observations.Last(), Is.EqualTo(sse
            ? "a message for a session whose stream the client had closed: refused with 400"
            : "tools/list with the session id it had ended: refused with 404"));
    }

    [Test]
    public void The_reference_sse_server_never_answers_a_message_for_a_closed_session_so_ending_cannot_be_verified()
    {
        using var http = new ProbeHttpClient(new ProbeHttpOptions { AllowInsecureLoopback = true, RequestTimeout = TimeSpan.FromSeconds(2) }, new EvidenceList(), Core.Redaction.Redactor.PatternsOnly);
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => SessionTerminationProbe.ProbeAsync(http, McpProbeClients.Target(_weakSse.Url, McpTransport.Sse)));
        Assert.That(error!.Message, Does.Match(@"^http://127\.0\.0\.1:\d+/message did not answer within 2 s$"));
    }

    [Test]
    public async Task No_token_reaches_the_evidence()
    {
        var evidence = new EvidenceList();
        var secrets = new Core.Redaction.SecretRegistry();
        using var http = McpProbeClients.Client(evidence, secrets);
        var token = await McpProbeClients.TokenAsync(http, _hardened);
        await DnsRebindingProbe.ProbeAsync(http, McpProbeClients.Target(_hardened.Url, token: token));

        Assert.That(evidence.AllText, Does.Not.Contain(token).And.Not.Contain(_hardened.Issuer.ClientSecret));
        Assert.That(evidence.AllText, Does.Contain("Authorization: Bearer [REDACTED]"));
    }
}
