using AgentCompliance.Core.Results;
using AgentCompliance.TestServers;

namespace AgentCompliance.Live.Tests.WorkloadIdentity;

/// <summary>
/// The bundled SPIFFE scenarios (features/workload-identity) through the run command. A trust domain made for the
/// test issues the SVIDs; one agent's X.509-SVID is read from a file, another's from a real mTLS endpoint that
/// requires the harness's client certificate. On good SVIDs every scenario passes; on a deployment with one defect per
/// agent every scenario fails, each naming exactly its offending agents. No JWT-SVID or key reaches the output.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SpiffeAcceptanceTests
{
    private const string Audience = "spiffe://example.org/gateway";
    private TestTrustDomain _domain = null!;
    private TestTrustDomain _impostor = null!;
    private readonly List<IAsyncDisposable> _servers = [];

    [OneTimeSetUp]
    public void CreateTrustDomains()
    {
        _domain = TestTrustDomain.Create("example.org");
        // Claims the same trust domain name, but its CA is not in the bundle.
        _impostor = TestTrustDomain.Create("example.org");
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _domain.Dispose();
        _impostor.Dispose();
    }

    private async Task<Uri> SvidEndpoint(System.Security.Cryptography.X509Certificates.X509Certificate2 svid, bool requireClientCertificate)
    {
        var server = await TlsTestServer.StartAsync(svid, requireClientCertificateFrom: requireClientCertificate ? _domain.Authority.Certificate : null);
        _servers.Add(server);
        return server.BaseUrl;
    }

    private static void Write(LiveRun run, string name, string content)
    {
        var path = Path.Combine(run.Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Test]
    public async Task Good_svids_from_a_file_and_an_mtls_endpoint_pass_every_scenario()
    {
        using var run = LiveRun.Create();
        var now = DateTimeOffset.UtcNow;
        var harness = _domain.IssueSvid("/compliance-harness");
        var harnessKey = TestCertificateAuthority.PrivateKeyPem(harness);
        Write(run, "certs/bundle.json", _domain.BundleJson());
        Write(run, "certs/planner.pem", TestCertificateAuthority.Pem(_domain.IssueSvid("/agents/planner")));
        Write(run, "certs/harness.pem", TestCertificateAuthority.Pem(harness));
        Write(run, "certs/harness.key", harnessKey);
        var plannerJwt = _domain.IssueJwtSvid(_domain.IdOf("/agents/planner"), [Audience], now.AddSeconds(-30), now.AddMinutes(4));
        var researcherJwt = _domain.IssueJwtSvid(_domain.IdOf("/agents/researcher"), [Audience, "spiffe://example.org/audit"], now.AddSeconds(-30), now.AddMinutes(4));
        Write(run, "secrets/researcher.jwt", researcherJwt);
        run.SetSecret("AC_SPIFFE_PLANNER_JWT", plannerJwt);
        var researcherEndpoint = await SvidEndpoint(_domain.IssueSvid("/agents/researcher"), requireClientCertificate: true);

        await run.RunAsync($$$"""
            version: 1
            name: spiffe-hardened
            spiffe:
              trustDomain: example.org
              bundle: {file: certs/bundle.json}
              clientCertificate: {certificate: certs/harness.pem, key: {file: certs/harness.key}}
            agents:
              - name: planner
                clientId: planner
                spiffeId: spiffe://example.org/agents/planner
                audience: {{{Audience}}}
                svid: {file: certs/planner.pem, jwt: {env: AC_SPIFFE_PLANNER_JWT}}
              - name: researcher
                clientId: researcher
                spiffeId: spiffe://example.org/agents/researcher
                audience: {{{Audience}}}
                svid: {endpoint: "{{{researcherEndpoint}}}", jwt: {file: secrets/researcher.jwt}}
            """, "", "workload-identity");

        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.Empty, run.Console);
        Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(7));
        var evidence = run.Result.Scenarios.SelectMany(s => s.Steps).SelectMany(s => s.Evidence).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(evidence.Where(e => e.Kind == "certificate").Select(e => e.Title), Does.Contain("X.509-SVID of agent 'researcher'").And.Contain("X.509-SVID of agent 'planner'"));
            Assert.That(evidence.First(e => e.Kind == "certificate" && e.Title == "X.509-SVID of agent 'researcher'").Text,
                Does.Contain($"Read from: the TLS handshake with 127.0.0.1:{researcherEndpoint.Port}").And.Contain("URI:spiffe://example.org/agents/researcher"));
            Assert.That(evidence.Where(e => e.Kind == "claims").Select(e => e.Text), Has.Some.Contains("\"sub\": \"spiffe://example.org/agents/planner\""));
        });
        run.AssertNothingLeaks(plannerJwt, researcherJwt, harnessKey.Split('\n')[1]);
    }

    [Test]
    public async Task A_deployment_with_one_defect_per_agent_fails_every_scenario_naming_exactly_its_offenders()
    {
        using var run = LiveRun.Create();
        var now = DateTimeOffset.UtcNow;
        Write(run, "certs/bundle.json", _domain.BundleJson());
        Write(run, "certs/expired.pem", TestCertificateAuthority.Pem(_domain.IssueSvid("/agents/expired", TimeSpan.FromHours(1), now.AddDays(-1))));
        Write(run, "certs/long-lived.pem", TestCertificateAuthority.Pem(_domain.IssueSvid("/agents/long-lived", TimeSpan.FromDays(30))));
        Write(run, "certs/shared-a.pem", TestCertificateAuthority.Pem(_domain.IssueSvid("/agents/shared")));
        Write(run, "certs/shared-b.pem", TestCertificateAuthority.Pem(_domain.IssueSvid("/agents/shared")));
        Write(run, "certs/foreign.pem", TestCertificateAuthority.Pem(_domain.Authority.IssueSvid(["spiffe://other.org/agents/foreign"], TimeSpan.FromHours(1))));
        Write(run, "certs/two-ids.pem", TestCertificateAuthority.Pem(_domain.Authority.IssueSvid(["spiffe://example.org/agents/two-ids", "spiffe://example.org/agents/admin"], TimeSpan.FromHours(1))));
        Write(run, "certs/ca-leaf.pem", TestCertificateAuthority.Pem(_domain.Authority.IssueSvid(["spiffe://example.org/agents/ca-leaf"], TimeSpan.FromHours(1), isCertificateAuthority: true,
            keyUsage: System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature | System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.KeyCertSign)));
        var untrustedEndpoint = await SvidEndpoint(_impostor.IssueSvid("/agents/untrusted"), requireClientCertificate: false);
        var forgedJwt = TestTrustDomain.IssueForgedJwt(_domain.IdOf("/agents/shared"), [Audience], now, now.AddMinutes(4));
        var dayLongJwt = _domain.IssueJwtSvid(_domain.IdOf("/agents/long-lived"), [Audience], now, now.AddDays(1));
        run.SetSecret("AC_SPIFFE_FORGED_JWT", forgedJwt);
        run.SetSecret("AC_SPIFFE_DAY_LONG_JWT", dayLongJwt);

        await run.RunAsync($$$"""
            version: 1
            name: spiffe-weak
            spiffe:
              trustDomain: example.org
              bundle: {file: certs/bundle.json}
            agents:
              - {name: expired, clientId: expired, spiffeId: "spiffe://example.org/agents/expired", svid: {file: certs/expired.pem}}
              - name: long-lived
                clientId: long-lived
                spiffeId: spiffe://example.org/agents/long-lived
                audience: {{{Audience}}}
                svid: {file: certs/long-lived.pem, jwt: {env: AC_SPIFFE_DAY_LONG_JWT}}
              - name: shared-a
                clientId: shared-a
                spiffeId: spiffe://example.org/agents/shared
                audience: {{{Audience}}}
                svid: {file: certs/shared-a.pem, jwt: {env: AC_SPIFFE_FORGED_JWT}}
              - {name: shared-b, clientId: shared-b, spiffeId: "spiffe://example.org/agents/shared", svid: {file: certs/shared-b.pem}}
              - {name: foreign, clientId: foreign, spiffeId: "spiffe://other.org/agents/foreign", svid: {file: certs/foreign.pem}}
              - {name: untrusted, clientId: untrusted, spiffeId: "spiffe://example.org/agents/untrusted", svid: {endpoint: "{{{untrustedEndpoint}}}"}}
              - {name: two-ids, clientId: two-ids, spiffeId: "spiffe://example.org/agents/two-ids", svid: {file: certs/two-ids.pem}}
              - {name: ca-leaf, clientId: ca-leaf, spiffeId: "spiffe://example.org/agents/ca-leaf", svid: {file: certs/ca-leaf.pem}}
            """, "", "workload-identity");

        Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.Empty, run.Console);
        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[]
        {
            "Each X.509-SVID carries exactly the agent's SPIFFE ID",
            "Every agent has a SPIFFE ID of its own",
            "JWT-SVIDs are signed by the trust domain, agent-bound, audience-bound and short-lived",
            "SPIFFE IDs belong to the deployment's trust domain",
            "X.509-SVIDs are short-lived",
            "X.509-SVIDs are signing leaves, not certificate authorities",
            "X.509-SVIDs chain to the trust bundle and have not expired",
        }));

        AssertOffenders(run, "Every agent has a SPIFFE ID of its own", ["shared-a", "shared-b"],
            "agents 'shared-a' and 'shared-b' are given the same SPIFFE ID 'spiffe://example.org/agents/shared' in the profile",
            "agents 'shared-a' and 'shared-b' present X.509-SVIDs with the same SPIFFE ID 'spiffe://example.org/agents/shared'");
        AssertOffenders(run, "Each X.509-SVID carries exactly the agent's SPIFFE ID", ["two-ids"],
            "it has 2 URI SANs (spiffe://example.org/agents/two-ids, spiffe://example.org/agents/admin); an X.509-SVID must carry exactly one");
        AssertOffenders(run, "SPIFFE IDs belong to the deployment's trust domain", ["foreign"],
            "agent 'foreign': its profile spiffeId 'spiffe://other.org/agents/foreign' is in the trust domain 'other.org', not in 'example.org'");
        AssertOffenders(run, "X.509-SVIDs are short-lived", ["long-lived"], "it is valid for 2592000 s (30 days), above 3600 s");
        AssertOffenders(run, "X.509-SVIDs chain to the trust bundle and have not expired", ["expired", "untrusted"],
            "the certificate expired on", "the certificate does not chain to the SPIFFE trust bundle (issuer: CN=example.org SPIFFE CA)",
            $"X.509-SVID from the TLS handshake with 127.0.0.1:{untrustedEndpoint.Port}");
        AssertOffenders(run, "X.509-SVIDs are signing leaves, not certificate authorities", ["ca-leaf"],
            "it is a CA certificate (basicConstraints cA=true)");
        var jwt = run.Scenario("JWT-SVIDs are signed by the trust domain, agent-bound, audience-bound and short-lived").ErrorMessage;
        Assert.That(jwt, Does.Contain("agent 'shared-a' (spiffe://example.org/agents/shared): JWT-SVID: it is signed by a key (kid 'unknown-key') that is not in the trust bundle")
            .And.Contain("agent 'long-lived' (spiffe://example.org/agents/long-lived): JWT-SVID: it is valid for 86400 s")
            .And.Contain("agent 'expired' (spiffe://example.org/agents/expired): JWT-SVID: the profile gives no JWT-SVID source for it"));
        run.AssertNothingLeaks(forgedJwt, dayLongJwt);
    }

    // The scenario's failure names these agents and no other agent of the weak deployment.
    private static void AssertOffenders(LiveRun run, string scenario, string[] offenders, params string[] reasons)
    {
        var message = run.Scenario(scenario).ErrorMessage ?? string.Empty;
        string[] all = ["expired", "long-lived", "shared-a", "shared-b", "foreign", "untrusted", "two-ids", "ca-leaf"];
        Assert.Multiple(() =>
        {
            foreach (var agent in all)
            {
                Assert.That(message.Contains($"'{agent}'", StringComparison.Ordinal), Is.EqualTo(offenders.Contains(agent)), $"{scenario} / agent {agent}: {message}");
            }

            foreach (var reason in reasons)
            {
                Assert.That(message, Does.Contain(reason), scenario);
            }
        });
    }
}
