using AgentCompliance.Core.Results;
using AgentCompliance.TestServers.OpenIddict;

namespace AgentCompliance.Live.Tests.Identity;

/// <summary>
/// The bundled identity, revocation and delegation controls against a real OpenIddict issuer: every scenario passes
/// on the hardened configuration, and on the weak one exactly the scenarios whose control it breaks fail, each saying
/// why. No client secret, private key or issued token reaches the output.
/// </summary>
[TestFixture]
public sealed class OpenIddictIdentityControlsTests
{
    private static readonly string[] Features = ["identity", "revocation", "delegation"];

    private OpenIddictIssuer _hardened = null!;
    private OpenIddictIssuer _weak = null!;

    [OneTimeSetUp]
    public async Task StartIssuers()
    {
        _hardened = await OpenIddictIssuer.StartAsync(OpenIddictIssuerSettings.Hardened);
        _weak = await OpenIddictIssuer.StartAsync(OpenIddictIssuerSettings.Weak);
    }

    [OneTimeTearDown]
    public async Task StopIssuers()
    {
        await _hardened.DisposeAsync();
        await _weak.DisposeAsync();
    }

    [Test]
    public async Task Every_identity_control_but_TLS_passes_on_the_hardened_issuer_over_loopback_http()
    {
        using var run = LiveRun.Create();
        run.WaiversFile = LoopbackTlsWaivers.Write(run.Folder);
        var humanToken = await _hardened.IssueHumanTokenAsync();
        run.SetSecret("AC_OI_H_RESEARCH", _hardened.Secret("research-agent"));
        run.SetSecret("AC_OI_H_BILLING", _hardened.Secret("billing-agent"));
        run.SetSecret("AC_OI_H_OPS_KEY", _hardened.AgentPrivateKeyPem);
        run.SetSecret("AC_OI_H_ALICE", humanToken);
        await run.RunAsync(
            $$"""
            version: 1
            name: openiddict-hardened
            target:
              identityProvider:
                issuer: {{_hardened.Issuer}}
            agents:
              - name: research-agent
                clientId: research-agent
                credentials: {env: AC_OI_H_RESEARCH}
                authMethod: client_secret_basic
                allowedScopes: [tools:read, reports:read]
                resource: {{_hardened.Api("research")}}
              - name: billing-agent
                clientId: billing-agent
                credentials: {env: AC_OI_H_BILLING}
                authMethod: client_secret_post
                allowedScopes: [payments:read]
                resource: {{_hardened.Api("billing")}}
              - name: ops-agent
                clientId: ops-agent
                credentials: {env: AC_OI_H_OPS_KEY}
                authMethod: private_key_jwt
                allowedScopes: [tools:read]
                resource: {{_hardened.Api("ops")}}
            humans:
              - name: alice
                subject: {{OpenIddictIssuer.HumanUser}}
                subjectToken: {env: AC_OI_H_ALICE}
            transport: {allowInsecureLoopback: true}
            timeouts: {requestSeconds: 30, stepSeconds: 120}
            """,
            "",
            Features);

        Assert.Multiple(() =>
        {
            // Plain http on loopback has no TLS, so that control fails; the waiver keeps the gate green.
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }), run.Console);
            Assert.That(run.WaivedScenarios(), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }));
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(12));
            Assert.That(run.ExitCode, Is.Zero, run.Console);
            Assert.That(Notes(run, "Token endpoints are served over TLS"), Does.Contain("plain http to a loopback host, allowed only because the profile sets transport.allowInsecureLoopback: issuer, token endpoint, introspection endpoint, revocation endpoint, JWKS"));
            Assert.That(Notes(run, "A revoked agent token is rejected within seconds"), Does.Contain($"the protected resource {_hardened.Api("ops")}: rejected after"));
            Assert.That(Notes(run, "Delegated tokens name the agent as actor"), Does.Contain("sub is the person 'alice' and act.sub names the agent 'ops-agent'"));
        });
        run.AssertNothingLeaks([.. _hardened.AllSecrets, humanToken]);
    }

    [Test]
    public async Task On_the_weak_issuer_exactly_the_broken_controls_fail_saying_why()
    {
        using var run = LiveRun.Create();
        var humanToken = await _weak.IssueHumanTokenAsync();
        run.SetSecret("AC_OI_W_SHARED", _weak.Secret("shared-agent"));
        run.SetSecret("AC_OI_W_ALICE", humanToken);
        await run.RunAsync(
            $$"""
            version: 1
            name: openiddict-weak
            target:
              identityProvider:
                issuer: {{_weak.Issuer}}
            agents:
              - name: research-agent
                clientId: shared-agent
                credentials: {env: AC_OI_W_SHARED}
                allowedScopes: [tools:read, reports:read]
                resource: {{_weak.Api("research")}}
              - name: billing-agent
                clientId: shared-agent
                credentials: {env: AC_OI_W_SHARED}
                allowedScopes: [payments:read]
                resource: {{_weak.Api("billing")}}
            humans:
              - name: alice
                subject: {{OpenIddictIssuer.HumanUser}}
                subjectToken: {env: AC_OI_W_ALICE}
              - name: operator
                subject: shared-agent
            transport: {allowInsecureLoopback: true}
            timeouts: {requestSeconds: 30, stepSeconds: 120}
            """,
            "",
            Features);

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[]
            {
                "Agent tokens are bound to the agent's resource",
                "Agent tokens are short-lived",
                "Agent tokens grant only the agent's allowed scopes",
                "Agents cannot widen a delegated token's scope",
                "A revoked agent token is rejected within seconds",
                "Delegated tokens are narrower than the person's token",
                "Delegated tokens name the agent as actor",
                "Delegated tokens stop working when the person's token is revoked",
                "Every agent has an identity of its own",
                "No agent acts under a person's identity",
                LoopbackTlsWaivers.TokenEndpointScenario,
            }.Order(StringComparer.Ordinal)), run.Console);
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.EqualTo(new[]
            {
                "Agent tokens are signed JWT access tokens the issuer's keys verify",
                "The issuer's metadata names the configured issuer",
            }.Order(StringComparer.Ordinal)));
            Assert.That(Error(run, "Agent tokens are short-lived"), Does.Contain("agent 'research-agent': lives 86400 s (exp − iat), more than 900 s"));
            Assert.That(Error(run, "Every agent has an identity of its own"), Does.Contain("agents 'research-agent' and 'billing-agent' all receive tokens with the subject 'shared-agent'"));
            Assert.That(Error(run, "No agent acts under a person's identity"), Does.Contain("agent 'research-agent' receives tokens with the subject 'shared-agent' of the person 'operator'"));
            Assert.That(Error(run, "Agent tokens grant only the agent's allowed scopes"), Does.Contain("agent 'billing-agent': the token grants tools:read, tools:write, reports:read, payments:write, admin beyond the allowed [payments:read]"));
            Assert.That(Error(run, "Agent tokens are bound to the agent's resource"), Does.Contain($"agent 'research-agent': the token is also meant for '{_weak.Api("billing")}', '{_weak.Api("ops")}' besides '{_weak.Api("research")}'"));
            Assert.That(Error(run, "A revoked agent token is rejected within seconds"), Does.Contain("the access token of agent 'research-agent' cannot be revoked: the issuer offers no revocation endpoint (RFC 7009), so a leaked token stays valid until it expires ("));
            Assert.That(Error(run, "Delegated tokens name the agent as actor"), Does.Contain("it has no 'act' claim, so the agent acts as the person (impersonation)"));
            Assert.That(Error(run, "Delegated tokens are narrower than the person's token"), Does.Contain("as the person's token, so the agent holds the person's full rights"));
            Assert.That(Error(run, "Agents cannot widen a delegated token's scope"), Does.Contain("the agent was granted tools:write, payments:write, admin"));
            Assert.That(Error(run, "Delegated tokens stop working when the person's token is revoked"), Does.Contain("the person's token cannot be revoked: the issuer offers no revocation endpoint (RFC 7009)"));
            Assert.That(run.ExitCode, Is.EqualTo(1));
        });
        run.AssertNothingLeaks([.. _weak.AllSecrets, humanToken]);
    }

    [Test]
    public async Task An_issuer_whose_metadata_names_another_issuer_is_not_trusted_for_anything()
    {
        using var run = LiveRun.Create();
        run.SetSecret("AC_OI_M_RESEARCH", _hardened.Secret("research-agent"));

        // The same server addressed by another name: its metadata names 127.0.0.1, not localhost (RFC 8414 §3.3).
        var configured = new UriBuilder(_hardened.Issuer) { Host = "localhost" }.Uri;
        await run.RunAsync(
            $$"""
            version: 1
            name: openiddict-mismatched-issuer
            target:
              identityProvider:
                issuer: {{configured}}
            agents:
              - name: research-agent
                clientId: research-agent
                credentials: {env: AC_OI_M_RESEARCH}
                allowedScopes: [tools:read]
                resource: {{_hardened.Api("research")}}
            humans:
              - name: alice
                subject: alice
            transport: {allowInsecureLoopback: true}
            timeouts: {requestSeconds: 30, stepSeconds: 120}
            """,
            "",
            "identity");

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.Empty, run.Console);
            Assert.That(Error(run, "The issuer's metadata names the configured issuer"), Does.EndWith(
                $"the metadata at {configured}.well-known/openid-configuration names the issuer '{_hardened.Issuer}', not the configured '{configured}': its endpoints are not used, since a mismatched issuer is how mix-up attacks redirect credentials"));
            Assert.That(run.Result.Scenarios.Select(s => s.ErrorMessage), Has.All.Contain("mix-up attacks"));
        });
        run.AssertNothingLeaks([.. _hardened.AllSecrets]);
    }

    private static string Error(LiveRun run, string scenario) => run.Scenario(scenario).ErrorMessage ?? string.Empty;

    // Every note the scenario's steps recorded, one per line.
    private static string Notes(LiveRun run, string scenario) => string.Join(
        Environment.NewLine,
        run.Scenario(scenario).Steps.SelectMany(step => step.Evidence).Where(item => item.Kind == "note").Select(item => $"{item.Title}: {item.Text}"));
}
