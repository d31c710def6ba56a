using System.Security.Authentication;
using AgentCompliance.Core.Results;
using AgentCompliance.TestServers;

namespace AgentCompliance.Live.Tests.Transport;

/// <summary>
/// The bundled transport scenarios (features/transport) through the run command against real Kestrel HTTPS endpoints
/// whose certificates come from a CA made for the test and trusted through <c>transport.trustedCaFile</c>. A TLS 1.3
/// deployment with good certificates passes everything; a deployment with a TLS 1.2-only issuer, an expired gateway
/// certificate, a policy decision point certificate for another host, an MCP server from an unknown CA and a plain
/// http audit URL fails exactly the TLS and certificate scenarios, each naming its endpoints and the reason.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TransportAcceptanceTests
{
    private TestCertificateAuthority _ca = null!;
    private TestCertificateAuthority _unknownCa = null!;
    private readonly List<IAsyncDisposable> _servers = [];

    [OneTimeSetUp]
    public void CreateAuthorities()
    {
        _ca = TestCertificateAuthority.Create("Deployment CA");
        _unknownCa = TestCertificateAuthority.Create("Unknown CA");
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _ca.Dispose();
        _unknownCa.Dispose();
    }

    private async Task<Uri> Serve(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, SslProtocols protocols = SslProtocols.None)
    {
        var server = await TlsTestServer.StartAsync(certificate, protocols);
        _servers.Add(server);
        return server.BaseUrl;
    }

    private LiveRun CreateRun()
    {
        var run = LiveRun.Create();
        File.WriteAllText(Path.Combine(run.Folder, "deployment-ca.pem"), _ca.CertificatePem);
        return run;
    }

    private static string? StepError(LiveRun run, string scenario) =>
        run.Scenario(scenario).Steps.First(s => s.Status == ResultStatus.Failed).ErrorMessage;

    [Test]
    public async Task A_TLS_1_3_deployment_with_trusted_certificates_passes_every_scenario()
    {
        var idp = await Serve(_ca.IssueServerCertificate());
        var gateway = await Serve(_ca.IssueServerCertificate());
        var pdp = await Serve(_ca.IssueServerCertificate(["localhost"]));
        using var run = CreateRun();
        await run.RunAsync($"""
            version: 1
            name: transport-hardened
            target:
              identityProvider: {"{"}issuer: "{idp}", tokenEndpoint: "{idp}connect/token"{"}"}
              agentGateway: {"{"}baseUrl: "{gateway}"{"}"}
              policyDecisionPoint: {"{"}kind: cerbos, url: "https://localhost:{pdp.Port}/"{"}"}
              mcpServers:
                - {"{"}name: tools, url: "{gateway}mcp"{"}"}
            transport: {"{"}trustedCaFile: deployment-ca.pem{"}"}
            """, "", "transport");

        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.Empty, run.Console);
        Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(4));
        var tls = run.Result.Scenarios.SelectMany(s => s.Steps).SelectMany(s => s.Evidence).Where(e => e.Kind == "tls").ToList();
        Assert.That(tls.Select(e => e.Title), Has.Some.EqualTo($"TLS 127.0.0.1:{idp.Port} → TLS 1.3, certificate accepted"));
        Assert.That(tls.Select(e => e.Title), Has.Some.EqualTo($"TLS localhost:{pdp.Port} → TLS 1.3, certificate accepted"));
    }

    [Test]
    public async Task A_weak_deployment_fails_exactly_the_TLS_and_certificate_scenarios_with_the_reasons()
    {
        var expired = _ca.IssueServerCertificate(notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var idp = await Serve(_ca.IssueServerCertificate(), SslProtocols.Tls12);
        var gateway = await Serve(expired);
        var pdp = await Serve(_ca.IssueServerCertificate(["pdp.internal.test"], forLoopbackAddress: false));
        var mcp = await Serve(_unknownCa.IssueServerCertificate());
        await using var audit = await HostileServer.StartAsync();
        using var run = CreateRun();
        await run.RunAsync($"""
            version: 1
            name: transport-weak
            target:
              identityProvider: {"{"}issuer: "{idp}"{"}"}
              agentGateway: {"{"}baseUrl: "{gateway}"{"}"}
              policyDecisionPoint: {"{"}kind: cerbos, url: "{pdp}"{"}"}
              mcpServers:
                - {"{"}name: tools, url: "{mcp}mcp"{"}"}
              auditLog: {"{"}url: "{audit.BaseUrl}events"{"}"}
            transport: {"{"}trustedCaFile: deployment-ca.pem, allowInsecureLoopback: true{"}"}
            """, "", "transport");

        Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.Empty, run.Console);
        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[]
        {
            "Endpoint certificates are valid, for the right host, and from a trusted CA",
            "Endpoints negotiate TLS 1.2 or newer",
            "Endpoints negotiate TLS 1.3",
            "Every endpoint is reached over https",
        }));

        // Allowing plain http on loopback lets the probes reach the audit log; it does not make it pass as https.
        Assert.That(StepError(run, "Every endpoint is reached over https"), Is.EqualTo(
            "endpoints not reached over https:" + Environment.NewLine + $"  - target.auditLog.url {audit.BaseUrl}events is plain http (loopback; transport.allowInsecureLoopback lets the probes reach it, but it has no TLS)"));

        Assert.That(StepError(run, "Endpoints negotiate TLS 1.2 or newer"), Is.EqualTo(
            "endpoints not negotiating TLS 1.2 or newer:" + Environment.NewLine + $"  - target.auditLog.url {audit.BaseUrl}events is plain http: no TLS at all"));

        var tls13 = run.Scenario("Endpoints negotiate TLS 1.3").ErrorMessage;
        Assert.That(tls13, Does.Contain($"target.identityProvider.issuer (127.0.0.1:{idp.Port}) negotiated TLS 1.2, below TLS 1.3"));
        Assert.That(tls13, Does.Not.Contain("agentGateway").And.Not.Contain("policyDecisionPoint").And.Not.Contain("mcpServers"));

        var certificates = StepError(run, "Endpoint certificates are valid, for the right host, and from a trusted CA");
        Assert.That(certificates, Is.EqualTo(string.Join(Environment.NewLine + "  - ",
            "endpoints without a valid, trusted certificate:",
            $"target.agentGateway.baseUrl (127.0.0.1:{gateway.Port}): the certificate expired on {Probes.Transport.CertificateFacts.Timestamp(expired.NotAfter)}",
            $"target.policyDecisionPoint.url (127.0.0.1:{pdp.Port}): the certificate is not valid for the host '127.0.0.1' (it names DNS:pdp.internal.test)",
            $"target.mcpServers[tools].url (127.0.0.1:{mcp.Port}): the certificate does not chain to the system's roots or transport.trustedCaFile (issuer: CN=Unknown CA)",
            $"target.auditLog.url {audit.BaseUrl}events is plain http: it presents no certificate")));
    }
}
