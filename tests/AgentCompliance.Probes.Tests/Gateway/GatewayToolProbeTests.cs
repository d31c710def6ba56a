using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Gateway;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.TestServers.Gateway;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Gateway;

/// <summary>
/// Tool calls through the test gateway in front of real Cerbos and a real token issuer: an agent's own tool goes
/// through with a correlation id, another agent's tool is forbidden, and calls without a token or with a forged one are
/// unauthenticated. The probe only observes; these are the answers a hardened gateway gives.
/// </summary>
[TestFixture]
public sealed class GatewayToolProbeTests
{
    private GatewayDeployment _deployment = null!;

    [OneTimeSetUp]
    public async Task StartDeployment() => _deployment = await GatewayDeployment.StartAsync();

    [OneTimeTearDown]
    public async Task StopDeployment() => await _deployment.DisposeAsync();

    private AgentGatewayHost Hardened => _deployment.Gateway("hardened");

    private static ProbeHttpClient Client(EvidenceList evidence, SecretRegistry secrets) =>
        new(new ProbeHttpOptions { AllowInsecureLoopback = true }, evidence, new Redactor(secrets));

    private GatewayToolProbe Probe(ProbeHttpClient http, string toolPath = "tools/{tool}") =>
        new(http, new AgentGatewayEndpoint { BaseUrl = Hardened.BaseUrl, ToolPath = toolPath });

    private async Task<string> TokenAsync(ProbeHttpClient http, string agent)
    {
        var client = _deployment.Agents.Single(a => a.ClientId == agent);
        var token = await new TokenClient(http).ClientCredentialsAsync(
            _deployment.Issuer.TokenEndpoint, new ClientCredentials(client.ClientId, ClientAuthenticationMethod.ClientSecretBasic, client.Secret), [], Hardened.BaseUrl);
        return token.AccessToken;
    }

    [Test]
    public async Task An_agents_own_tool_goes_through_with_a_correlation_id_and_its_token_stays_out_of_the_evidence()
    {
        var evidence = new EvidenceList();
        var secrets = new SecretRegistry();
        using var http = Client(evidence, secrets);
        var token = await TokenAsync(http, "research-agent");

        var call = await Probe(http).CallAsync("research-agent", "search_documents", token);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(200));
            Assert.That(call.WasLetThrough, Is.True);
            Assert.That(call.CorrelationId, Is.Not.Null.And.Not.Empty);
            Assert.That(evidence.AllText, Does.Contain($"POST {Hardened.BaseUrl}tools/search_documents → 200").And.Contain("Authorization: Bearer [REDACTED]"));
            Assert.That(evidence.AllText, Does.Not.Contain(token));
        });
    }

    [Test]
    public async Task Another_agents_tool_is_forbidden()
    {
        using var http = Client(new EvidenceList(), new SecretRegistry());
        var token = await TokenAsync(http, "research-agent");

        var call = await Probe(http).CallAsync("research-agent", "issue_refund", token);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(403));
            Assert.That(call.WasForbidden, Is.True);
            Assert.That(call.WasLetThrough, Is.False);
        });
    }

    [Test]
    public async Task Calls_without_a_token_or_with_a_forged_one_are_unauthenticated()
    {
        using var http = Client(new EvidenceList(), new SecretRegistry());
        var forged = ForgedAccessToken.Create(_deployment.Issuer.Issuer, Hardened.BaseUrl.ToString(), "research-agent");

        var anonymous = await Probe(http).CallAsync(null, "search_documents", null);
        var forgedCall = await Probe(http).CallAsync("research-agent", "search_documents", forged);

        Assert.That((anonymous.Status, forgedCall.Status), Is.EqualTo((401, 401)));
    }

    [Test]
    public void A_tool_path_that_leaves_the_gateway_is_refused_before_anything_is_sent()
    {
        var evidence = new EvidenceList();
        using var http = Client(evidence, new SecretRegistry());

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => Probe(http, "//127.0.0.2/{tool}").CallAsync("research-agent", "search_documents", "a-token-value"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("leaves the gateway's origin"));
            Assert.That(evidence.Items, Is.Empty);
        });
    }

    [Test]
    public void Tool_names_are_escaped_into_the_path()
    {
        using var http = Client(new EvidenceList(), new SecretRegistry());

        Assert.That(Probe(http).ToolUrl("../admin?x=1"), Is.EqualTo(new Uri(Hardened.BaseUrl, "tools/..%2Fadmin%3Fx%3D1")));
    }
}
