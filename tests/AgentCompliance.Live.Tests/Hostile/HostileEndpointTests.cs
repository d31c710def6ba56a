using AgentCompliance.Core.Results;
using AgentCompliance.TestServers;

namespace AgentCompliance.Live.Tests.Hostile;

/// <summary>
/// Real steps run through the run command against endpoints that misbehave on purpose: a SPIFFE bundle endpoint that
/// answers 50 MB, invalid JSON, a redirect to another origin, a JWK set of garbage or nothing at all; a TLS endpoint
/// that never completes the handshake; a token endpoint that never answers. Every run ends (each test bounds the whole
/// run), the affected scenario is failed — never passed — with a message naming the endpoint, memory stays far below
/// the 50 MB body, and the output folder holds no secret.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HostileEndpointTests
{
    private const string ChainScenario = "X.509-SVIDs chain to the trust bundle and have not expired";
    private const string JwtScenario = "JWT-SVIDs are signed by the trust domain, agent-bound, audience-bound and short-lived";
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(3);
    private HostileServer _hostile = null!;
    private TestTrustDomain _domain = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _hostile = await HostileServer.StartAsync();
        _domain = TestTrustDomain.Create("example.org");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _hostile.DisposeAsync();
        _domain.Dispose();
    }

    private string SpiffeProfile(LiveRun run, string bundlePath)
    {
        File.WriteAllText(Path.Combine(run.Folder, "planner.pem"), TestCertificateAuthority.Pem(_domain.IssueSvid("/agents/planner")));
        return $$$"""
            version: 1
            name: hostile-bundle
            spiffe:
              trustDomain: example.org
              bundle: {url: "{{{_hostile.BaseUrl}}}{{{bundlePath}}}"}
            agents:
              - name: planner
                clientId: planner
                credentials: {env: AC_HOSTILE_PLANNER_SECRET}
                spiffeId: spiffe://example.org/agents/planner
                audience: spiffe://example.org/gateway
                svid: {file: planner.pem, jwt: {env: AC_HOSTILE_PLANNER_JWT}}
            transport: {allowInsecureLoopback: true}
            timeouts: {requestSeconds: 2, stepSeconds: 60}
            """;
    }

    private async Task<LiveRun> RunSpiffeAgainst(string bundlePath, string secret, string jwt)
    {
        var run = LiveRun.Create();
        run.SetSecret("AC_HOSTILE_PLANNER_SECRET", secret);
        run.SetSecret("AC_HOSTILE_PLANNER_JWT", jwt);
        await run.RunAsync(SpiffeProfile(run, bundlePath), "", "workload-identity").WaitAsync(RunBound);
        return run;
    }

    [TestCase("huge", "{0}huge answered with a body larger than the cap; it was not read as JSON")]
    [TestCase("invalid-json", "{0}invalid-json answered 200 with invalid JSON")]
    [TestCase("redirect-other-origin", "the SPIFFE bundle endpoint {0}redirect-other-origin answered 302 with a redirect: redirect to another origin")]
    [TestCase("slow", "{0}slow did not answer within 2 s")]
    [TestCase("jwks-garbage", "the SPIFFE bundle from {0}jwks-garbage holds no usable X.509 or JWT authority (key #1: RSA key (kid 'a') has missing or malformed parameters")]
    public async Task A_hostile_bundle_endpoint_fails_the_scenarios_that_need_it_naming_the_endpoint(string path, string reason)
    {
        const string secret = "hostile-bundle-client-secret-7781";
        var now = DateTimeOffset.UtcNow;
        var jwt = _domain.IssueJwtSvid(_domain.IdOf("/agents/planner"), ["spiffe://example.org/gateway"], now, now.AddMinutes(4));
        using var run = await RunSpiffeAgainst(path, secret, jwt);

        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, _hostile.BaseUrl);
        Assert.Multiple(() =>
        {
            foreach (var scenario in new[] { ChainScenario, JwtScenario })
            {
                Assert.That(run.Scenario(scenario).Status, Is.EqualTo(ResultStatus.Failed), scenario);
                Assert.That(StepError(run, scenario), Does.StartWith(expected), scenario);
            }

            // The scenarios that need no bundle still ran and passed: one bad endpoint does not sink the run.
            Assert.That(run.Scenario("X.509-SVIDs are short-lived").Status, Is.EqualTo(ResultStatus.Passed));
            Assert.That(_hostile.CredentialsReceivedByOtherOrigin, Is.Empty);
        });
        run.AssertNothingLeaks(secret, jwt);
    }

    [Test]
    public async Task A_50_MB_bundle_does_not_cost_50_MB_of_memory()
    {
        var now = DateTimeOffset.UtcNow;
        var jwt = _domain.IssueJwtSvid(_domain.IdOf("/agents/planner"), ["spiffe://example.org/gateway"], now, now.AddMinutes(4));

        // The same run against a small malformed answer is the baseline: the difference is what the 50 MB body cost.
        using (await RunSpiffeAgainst("invalid-json", "baseline-client-secret-1", jwt))
        {
        }

        var beforeBaseline = GC.GetTotalAllocatedBytes(precise: true);
        using (await RunSpiffeAgainst("invalid-json", "baseline-client-secret-2", jwt))
        {
        }

        var baseline = GC.GetTotalAllocatedBytes(precise: true) - beforeBaseline;
        var beforeHuge = GC.GetTotalAllocatedBytes(precise: true);
        using (var run = await RunSpiffeAgainst("huge", "huge-client-secret-3", jwt))
        {
            Assert.That(run.Scenario(ChainScenario).Status, Is.EqualTo(ResultStatus.Failed));
        }

        var huge = GC.GetTotalAllocatedBytes(precise: true) - beforeHuge;
        await TestContext.Out.WriteLineAsync($"allocated: baseline run {baseline / 1024} KB, 50 MB run {huge / 1024} KB");
        // Each bundle read stops at the 1 MB cap (two scenarios read it); reading the body whole would allocate 50 MB
        // or more, so half of that is a bound only a capped read can meet.
        Assert.That(huge - baseline, Is.LessThan(25L * 1024 * 1024), $"baseline run allocated {baseline / 1024} KB, the 50 MB run {huge / 1024} KB");
    }

    [Test]
    public async Task A_TLS_endpoint_that_never_completes_the_handshake_fails_within_the_request_timeout()
    {
        await using var silent = SilentTcpServer.Start();
        using var run = LiveRun.Create();
        await run.RunAsync($$$"""
            version: 1
            name: hostile-tls
            target:
              agentGateway: {baseUrl: "{{{silent.HttpsUrl}}}"}
            timeouts: {requestSeconds: 2, stepSeconds: 60}
            """, "", "transport").WaitAsync(RunBound);

        Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.EqualTo(new[] { "Every endpoint is reached over https" }));
        foreach (var scenario in run.ScenariosWith(ResultStatus.Failed))
        {
            Assert.That(run.Scenario(scenario).ErrorMessage, Does.EndWith($"target.agentGateway.baseUrl: 127.0.0.1:{silent.Port} did not complete a TLS handshake within 2 s"), scenario);
        }

        Assert.That(run.ScenariosWith(ResultStatus.Failed), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_token_endpoint_that_never_answers_fails_the_step_within_the_request_timeout()
    {
        const string secret = "slow-token-client-secret-5521";
        using var run = LiveRun.Create();
        run.SetSecret("AC_HOSTILE_SLOW_SECRET", secret);
        await run.RunAsync($$$"""
            version: 1
            name: hostile-token
            target:
              identityProvider: {issuer: "{{{_hostile.BaseUrl}}}", tokenEndpoint: "{{{_hostile.BaseUrl}}}slow"}
            agents:
              - {name: planner, clientId: planner, credentials: {env: AC_HOSTILE_SLOW_SECRET}}
            transport: {allowInsecureLoopback: true}
            timeouts: {requestSeconds: 2, stepSeconds: 60}
            """, "", TokenFeatures).WaitAsync(RunBound);

        var scenario = run.Scenario("The planner obtains an access token");
        Assert.That(scenario.Status, Is.EqualTo(ResultStatus.Failed));
        Assert.That(StepError(run, scenario.Name), Is.EqualTo($"{_hostile.BaseUrl}slow did not answer within 2 s"));
        run.AssertNothingLeaks(secret);
    }

    [TestCase("client_secret_basic")]
    [TestCase("client_secret_post")]
    public async Task A_token_endpoint_echoing_the_credentials_leaks_nothing_into_any_output(string authMethod)
    {
        // Characters that URL and JSON encoders escape, so the echoed forms differ from the secret as written.
        const string secret = "echo+client/secret=9931&<x>";
        using var run = LiveRun.Create();
        run.SetSecret("AC_HOSTILE_ECHO_SECRET", secret);
        await run.RunAsync($$$"""
            version: 1
            name: hostile-echo
            target:
              identityProvider: {issuer: "{{{_hostile.BaseUrl}}}", tokenEndpoint: "{{{_hostile.BaseUrl}}}token-echo"}
            agents:
              - {name: planner, clientId: planner, authMethod: {{{authMethod}}}, credentials: {env: AC_HOSTILE_ECHO_SECRET}}
            transport: {allowInsecureLoopback: true}
            timeouts: {requestSeconds: 5, stepSeconds: 60}
            """, "", TokenFeatures).WaitAsync(RunBound);

        var scenario = run.Scenario("The planner obtains an access token");
        Assert.That(scenario.Status, Is.EqualTo(ResultStatus.Failed));
        Assert.That(StepError(run, scenario.Name), Does.StartWith($"agent 'planner' was refused a token by {_hostile.BaseUrl}token-echo: the token endpoint answered 401 invalid_client"));
        // The exchange itself is evidence, with the echoes masked.
        var exchange = scenario.Steps.Single().Evidence.Single(e => e.Kind == "http");
        Assert.That(exchange.Text, Does.Contain("X-Echo-Authorization").And.Contain("[REDACTED]"));

        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"planner:{Uri.EscapeDataString(secret)}"));
        run.AssertNothingLeaks(
            secret,
            basic,
            Uri.EscapeDataString(secret),
            Uri.EscapeDataString(Uri.EscapeDataString(secret)),
            System.Text.Json.JsonSerializer.Serialize(secret).Trim('"'),
            System.Text.Json.JsonSerializer.Serialize(Uri.EscapeDataString(secret)).Trim('"'));
    }

    private static string? StepError(LiveRun run, string scenario) =>
        run.Scenario(scenario).Steps.First(s => s.Status == ResultStatus.Failed).ErrorMessage;

    private static string TokenFeatures => RepositoryLayout.PathOf("tests", "AgentCompliance.Live.Tests", "Hostile", "Features");
}
