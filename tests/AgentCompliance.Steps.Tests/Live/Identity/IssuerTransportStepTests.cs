using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Core.Results;
using AgentCompliance.Steps.Live;
using AgentCompliance.Steps.Live.Identity;

namespace AgentCompliance.Steps.Tests.Live.Identity;

/// <summary>
/// The transport control for token endpoints, judged on the configured URLs before anything is sent: plain http fails,
/// also to a loopback host the profile lets the probes reach; https passes. Every endpoint is configured, so these
/// tests send nothing (the evidence stays empty).
/// </summary>
[TestFixture]
public sealed class IssuerTransportStepTests
{
    private static (IssuerSteps Steps, List<EvidenceItem> Evidence) Steps(IdentityProviderEndpoints provider, bool allowInsecureLoopback)
    {
        var evidence = new List<EvidenceItem>();
        var target = new TargetContext
        {
            Profile = new TargetProfile
            {
                Version = 1,
                Name = "transport",
                Target = new TargetEndpoints { IdentityProvider = provider },
                Transport = new TransportSettings { AllowInsecureLoopback = allowInsecureLoopback },
            },
        };
        var deployment = new DeploymentContext(target, new ListSink(evidence), new SecretRegistry());
        return (new IssuerSteps(new AgentTokenContext(deployment)), evidence);
    }

    private static IdentityProviderEndpoints Endpoints(string issuer, string tokenEndpoint) => new()
    {
        Issuer = new Uri(issuer),
        TokenEndpoint = new Uri(tokenEndpoint),
        IntrospectionEndpoint = new Uri(new Uri(issuer), "introspect"),
        RevocationEndpoint = new Uri(new Uri(issuer), "revoke"),
        JwksUri = new Uri(new Uri(issuer), "jwks"),
    };

    [Test]
    public void An_https_issuer_handing_out_a_plain_http_token_endpoint_fails()
    {
        var (steps, evidence) = Steps(Endpoints("https://127.0.0.1:9/", "http://idp.example.test/token"), allowInsecureLoopback: true);

        var error = Assert.ThrowsAsync<ControlFailedException>(steps.ThenTheIssuersTokenEndpointsAreServedOverHttps);

        Assert.That(error!.Message, Is.EqualTo("token endpoints without TLS: token endpoint: http://idp.example.test/token is plain http to a non-loopback host; credentials would cross the network unencrypted (use https)"));
        Assert.That(evidence, Is.Empty);
    }

    [Test]
    public void A_plain_http_loopback_issuer_fails_unless_the_profile_allows_it()
    {
        var (steps, evidence) = Steps(Endpoints("http://127.0.0.1:9/", "http://127.0.0.1:9/token"), allowInsecureLoopback: false);

        var error = Assert.ThrowsAsync<ControlFailedException>(steps.ThenTheIssuersTokenEndpointsAreServedOverHttps);

        Assert.That(error!.Message, Is.EqualTo("token endpoints without TLS: issuer: http://127.0.0.1:9/ is plain http; set transport.allowInsecureLoopback: true in the profile to allow it for a local deployment"));
        Assert.That(evidence, Is.Empty);
    }

    [Test]
    public void An_allowed_plain_http_loopback_issuer_still_fails_for_want_of_TLS()
    {
        var (steps, evidence) = Steps(Endpoints("http://127.0.0.1:9/", "http://127.0.0.1:9/token"), allowInsecureLoopback: true);

        var error = Assert.ThrowsAsync<ControlFailedException>(steps.ThenTheIssuersTokenEndpointsAreServedOverHttps);

        Assert.That(error!.Message, Is.EqualTo("token endpoints without TLS: issuer, token endpoint, introspection endpoint, revocation endpoint, JWKS (plain http to a loopback host; transport.allowInsecureLoopback lets the probes reach it, but secrets and tokens travel unencrypted)"));
        Assert.That(evidence.Single().Title, Is.EqualTo("transport of the token endpoints"));
    }

    [Test]
    public async Task Https_endpoints_pass_with_a_note_naming_them()
    {
        var (steps, evidence) = Steps(Endpoints("https://127.0.0.1:9/", "https://127.0.0.1:9/token"), allowInsecureLoopback: false);

        await steps.ThenTheIssuersTokenEndpointsAreServedOverHttps();

        Assert.That(evidence.Single().Text, Is.EqualTo("served over https: issuer, token endpoint, introspection endpoint, revocation endpoint, JWKS"));
    }

    [TestCase("abc.def", "the access token of agent 'x' is not a well-formed JWT: the token has 2 dot-separated parts; a signed JWT (JWS compact serialization) has 3")]
    [TestCase("e30.!!.x", "the access token of agent 'x' is not a well-formed JWT: the JWT payload is not valid base64url")]
    public void A_malformed_token_is_a_failed_control_naming_the_problem(string token, string message) =>
        Assert.That(Assert.Throws<ControlFailedException>(() => AgentTokenContext.Jwt("the access token of agent 'x'", token))!.Message, Is.EqualTo(message));

    private sealed class ListSink(List<EvidenceItem> items) : IEvidenceSink
    {
        public void Add(EvidenceItem item) => items.Add(item);
    }
}
