using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Tokens;
using AgentCompliance.TestServers.OpenIddict;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.OAuth;

/// <summary>
/// Token acquisition against a real OpenIddict server: every client authentication method the profile offers,
/// RFC 8707 resources, and RFC 8693 token exchange, with every issued token registered for redaction.
/// </summary>
[TestFixture]
public sealed class TokenClientTests
{
    private OpenIddictIssuer _issuer = null!;

    [OneTimeSetUp]
    public async Task StartIssuer() => _issuer = await OpenIddictIssuer.StartAsync(OpenIddictIssuerSettings.Hardened);

    [OneTimeTearDown]
    public async Task StopIssuer() => await _issuer.DisposeAsync();

    [TestCase("research-agent", ClientAuthenticationMethod.ClientSecretBasic, "research", "tools:read reports:read")]
    [TestCase("billing-agent", ClientAuthenticationMethod.ClientSecretPost, "billing", "payments:read")]
    public async Task Client_secret_methods_obtain_an_audience_bound_token(string clientId, ClientAuthenticationMethod method, string api, string scope)
    {
        var evidence = new EvidenceList();
        var secrets = new SecretRegistry();
        using var http = ProbeClients.Loopback(evidence, secrets);
        var token = await new TokenClient(http).ClientCredentialsAsync(
            _issuer.TokenEndpoint, new ClientCredentials(clientId, method, _issuer.Secret(clientId)), scope.Split(' '), _issuer.Api(api));

        var claims = JwtReader.Claims(JwtReader.Read(token.AccessToken));
        Assert.Multiple(() =>
        {
            Assert.That(claims.Subject, Is.EqualTo(clientId));
            Assert.That(claims.Audiences, Is.EqualTo(new[] { _issuer.Api(api).ToString() }));
            Assert.That(claims.Scopes, Is.EquivalentTo(scope.Split(' ')));
            Assert.That(secrets.Secrets, Does.Contain(token.AccessToken), "the issued token is registered for redaction");
            Assert.That(evidence.AllText, Does.Not.Contain(token.AccessToken).And.Not.Contain(_issuer.Secret(clientId)));
        });
    }

    [Test]
    public async Task Private_key_jwt_signs_an_assertion_the_issuer_accepts()
    {
        var evidence = new EvidenceList();
        var secrets = new SecretRegistry();
        using var http = ProbeClients.Loopback(evidence, secrets);
        var client = new ClientCredentials("ops-agent", ClientAuthenticationMethod.PrivateKeyJwt, _issuer.AgentPrivateKeyPem) { AssertionAudience = _issuer.Issuer.ToString() };

        var token = await new TokenClient(http).ClientCredentialsAsync(_issuer.TokenEndpoint, client, ["tools:read"], _issuer.Api("ops"));

        Assert.Multiple(() =>
        {
            Assert.That(JwtReader.Claims(JwtReader.Read(token.AccessToken)).Subject, Is.EqualTo("ops-agent"));
            Assert.That(evidence.AllText, Does.Contain("client_assertion=[REDACTED]"));
            Assert.That(evidence.AllText, Does.Not.Contain("PRIVATE KEY"));
        });
    }

    [Test]
    public void A_private_key_jwt_client_without_a_pem_key_fails_naming_the_client()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var client = new ClientCredentials("ops-agent", ClientAuthenticationMethod.PrivateKeyJwt, "not a key");

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => new TokenClient(http).ClientCredentialsAsync(_issuer.TokenEndpoint, client, [], null));

        Assert.That(error!.Message, Is.EqualTo("the credentials of client 'ops-agent' are not a PEM-encoded RSA or EC private key, which private_key_jwt needs"));
    }

    [Test]
    public void A_scope_the_client_may_not_use_is_an_oauth_error_not_a_probe_failure()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var client = new ClientCredentials("research-agent", ClientAuthenticationMethod.ClientSecretBasic, _issuer.Secret("research-agent"));

        var error = Assert.ThrowsAsync<TokenEndpointException>(() => new TokenClient(http).ClientCredentialsAsync(_issuer.TokenEndpoint, client, ["admin"], _issuer.Api("research")));

        Assert.That(error!.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task Token_exchange_returns_a_delegated_token_naming_the_agent_as_actor()
    {
        var secrets = new SecretRegistry();
        using var http = ProbeClients.Loopback(new EvidenceList(), secrets);
        var human = await _issuer.IssueHumanTokenAsync();
        var client = new ClientCredentials("research-agent", ClientAuthenticationMethod.ClientSecretBasic, _issuer.Secret("research-agent"));

        var delegated = await new TokenClient(http).ExchangeAsync(_issuer.TokenEndpoint, client, human, ["tools:read"], _issuer.Api("research"));

        var claims = JwtReader.Claims(JwtReader.Read(delegated.AccessToken));
        Assert.Multiple(() =>
        {
            Assert.That(claims.Subject, Is.EqualTo(OpenIddictIssuer.HumanUser));
            Assert.That(claims.ActorSubject, Is.EqualTo("research-agent"));
            Assert.That(secrets.Secrets, Does.Contain(human).And.Contain(delegated.AccessToken));
        });
    }
}
