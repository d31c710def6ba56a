using AgentCompliance.Core.Results;
using AgentCompliance.TestServers.OidcProvider;

namespace AgentCompliance.Live.Tests.Identity;

/// <summary>
/// The bundled identity and revocation controls against oidc-provider, a second, independent issuer: with opaque
/// tokens revocation takes effect at once and the controls pass; with JWT access tokens, which oidc-provider refuses
/// to revoke (400 unsupported_token_type), the revocation control fails with that reason — neither an error nor a pass.
/// </summary>
[TestFixture]
public sealed class OidcProviderRevocationTests
{
    [Test]
    public async Task Opaque_tokens_are_revoked_at_once_and_the_identity_controls_pass()
    {
        await using var issuer = await OidcProviderIssuer.StartAsync(hardened: true);
        using var run = LiveRun.Create();
        SetSecrets(run, issuer, "AC_OP_H");
        run.WaiversFile = LoopbackTlsWaivers.Write(run.Folder);

        // Opaque tokens have no JWT signature or type to check: that scenario is for JWT issuers, so it is left out.
        await run.RunAsync(Profile(issuer, "AC_OP_H"), "not @jwt", "identity", "revocation");

        Assert.Multiple(() =>
        {
            // Served over plain http on loopback, the TLS control fails; the waiver keeps the gate green.
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }), $"{run.Console}\n{issuer.Output}");
            Assert.That(run.WaivedScenarios(), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }));
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(7));
            Assert.That(run.ExitCode, Is.Zero, run.Console);
            var revocation = run.Scenario("A revoked agent token is rejected within seconds");
            var notes = string.Join("\n", revocation.Steps.SelectMany(s => s.Evidence).Select(e => e.Text));
            Assert.That(notes, Does.Contain($"the protected resource {issuer.Api("research")}: rejected after"));
            Assert.That(notes, Does.Contain("introspection at").And.Contain("(last answer: active: false)"));
        });
        run.AssertNothingLeaks([.. issuer.AllSecrets]);
    }

    [Test]
    public async Task Jwt_access_tokens_it_cannot_revoke_fail_the_revocation_control_with_the_reason()
    {
        await using var issuer = await OidcProviderIssuer.StartAsync(hardened: false);
        using var run = LiveRun.Create();
        SetSecrets(run, issuer, "AC_OP_W");

        await run.RunAsync(Profile(issuer, "AC_OP_W"), "", "identity", "revocation");

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[]
            {
                "A revoked agent token is rejected within seconds",
                "Agent tokens are short-lived",
                LoopbackTlsWaivers.TokenEndpointScenario,
            }), $"{run.Console}\n{issuer.Output}");
            var error = run.Scenario("A revoked agent token is rejected within seconds").ErrorMessage;
            Assert.That(error, Does.StartWith("When the access tokens are revoked: access tokens that cannot be revoked:"));
            Assert.That(error, Does.Contain(
                "the access token of agent 'research-agent' cannot be revoked: the revocation endpoint answered 400 unsupported_token_type (Structured JWT Tokens cannot be revoked via the revocation_endpoint); such tokens (typically stateless JWTs) stay valid until they expire"));
            Assert.That(run.Scenario("Agent tokens are signed JWT access tokens the issuer's keys verify").Status, Is.EqualTo(ResultStatus.Passed));
        });
        run.AssertNothingLeaks([.. issuer.AllSecrets]);
    }

    private static void SetSecrets(LiveRun run, OidcProviderIssuer issuer, string prefix)
    {
        run.SetSecret($"{prefix}_RESEARCH", issuer.Secret("research-agent"));
        run.SetSecret($"{prefix}_BILLING", issuer.Secret("billing-agent"));
        run.SetSecret($"{prefix}_OPS_KEY", issuer.AgentPrivateKeyPem);
    }

    private static string Profile(OidcProviderIssuer issuer, string prefix) => $$"""
        version: 1
        name: oidc-provider
        target:
          identityProvider:
            issuer: {{issuer.Issuer}}
        agents:
          - name: research-agent
            clientId: research-agent
            credentials: {env: {{prefix}}_RESEARCH}
            authMethod: client_secret_basic
            allowedScopes: [tools:read, reports:read]
            resource: {{issuer.Api("research")}}
          - name: billing-agent
            clientId: billing-agent
            credentials: {env: {{prefix}}_BILLING}
            authMethod: client_secret_post
            allowedScopes: [payments:read]
            resource: {{issuer.Api("billing")}}
          - name: ops-agent
            clientId: ops-agent
            credentials: {env: {{prefix}}_OPS_KEY}
            authMethod: private_key_jwt
            allowedScopes: [tools:read]
            resource: {{issuer.Api("ops")}}
        humans:
          - name: alice
            subject: alice
        transport: {allowInsecureLoopback: true}
        timeouts: {requestSeconds: 30, stepSeconds: 120}
        """;
}
