using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Tokens;
using AgentCompliance.TestServers;
using AgentCompliance.TestServers.OidcProvider;
using AgentCompliance.TestServers.OpenIddict;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.OAuth;

/// <summary>Discovery and JWKS against two real issuers, and the checks on what they publish.</summary>
[TestFixture]
public sealed class IssuerMetadataTests
{
    private OpenIddictIssuer _openIddict = null!;
    private OidcProviderIssuer _oidcProvider = null!;

    [OneTimeSetUp]
    public async Task StartIssuers()
    {
        _openIddict = await OpenIddictIssuer.StartAsync(OpenIddictIssuerSettings.Hardened);
        _oidcProvider = await OidcProviderIssuer.StartAsync(hardened: true);
    }

    [OneTimeTearDown]
    public async Task StopIssuers()
    {
        await _openIddict.DisposeAsync();
        await _oidcProvider.DisposeAsync();
    }

    [Test]
    public async Task OpenIddict_metadata_names_its_endpoints_and_issuer()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var metadata = await new AuthorizationServerDiscovery(http).DiscoverAsync(_openIddict.Issuer);

        Assert.Multiple(() =>
        {
            Assert.That(metadata.Issuer, Is.EqualTo(_openIddict.Issuer.ToString()));
            Assert.That(IssuerIdentifier.Matches(_openIddict.Issuer, metadata.Issuer), Is.True);
            Assert.That(metadata.TokenEndpoint, Is.EqualTo(_openIddict.TokenEndpoint));
            Assert.That(metadata.RevocationEndpoint, Is.Not.Null);
            Assert.That(metadata.IntrospectionEndpoint, Is.Not.Null);
            Assert.That(metadata.GrantTypesSupported, Does.Contain(TokenClient.TokenExchangeGrantType));
            Assert.That(metadata.ScopesSupported, Does.Contain("admin"));
        });
    }

    [Test]
    public async Task Oidc_provider_publishes_its_issuer_without_a_trailing_slash_and_it_still_matches()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var configured = new Uri(_oidcProvider.Issuer);
        var metadata = await new AuthorizationServerDiscovery(http).DiscoverAsync(configured);

        Assert.Multiple(() =>
        {
            Assert.That(metadata.Issuer, Is.EqualTo(_oidcProvider.Issuer));
            Assert.That(IssuerIdentifier.Matches(configured, metadata.Issuer), Is.True);
            Assert.That(metadata.Source, Is.EqualTo(new Uri($"{_oidcProvider.Issuer}/.well-known/openid-configuration")));
        });
    }

    [Test]
    public async Task The_published_keys_are_public_rsa_keys_that_verify_a_real_token()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var metadata = await new AuthorizationServerDiscovery(http).DiscoverAsync(_openIddict.Issuer);
        var keys = await new JsonWebKeySetClient(http).FetchAsync(metadata.JwksUri!);
        var token = await new TokenClient(http).ClientCredentialsAsync(
            _openIddict.TokenEndpoint,
            new ClientCredentials("research-agent", Core.Configuration.ClientAuthenticationMethod.ClientSecretBasic, _openIddict.Secret("research-agent")),
            ["tools:read"],
            _openIddict.Api("research"));
        var jwt = JwtReader.Read(token.AccessToken);

        Assert.Multiple(async () =>
        {
            Assert.That(PublishedKeysCheck.Check(keys).Holds, Is.True);
            Assert.That(SigningAlgorithmCheck.Check(jwt, keys).Holds, Is.True);
            Assert.That(KeyIdCheck.Check(jwt, keys).Holds, Is.True);
            Assert.That(TokenTypeCheck.Check(jwt, "at+jwt").Holds, Is.True);
            Assert.That((await SignatureCheck.CheckAsync(token.AccessToken, keys, metadata.Issuer)).Holds, Is.True);
        });
    }

    [Test]
    public void An_issuer_without_metadata_fails_naming_both_locations()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => new AuthorizationServerDiscovery(http).DiscoverAsync(_openIddict.Api("research")));
        Assert.That(error!.Message, Does.StartWith($"the issuer {_openIddict.Api("research")} publishes no metadata:")
            .And.Contain("/api/research/.well-known/openid-configuration answered 404")
            .And.Contain("/.well-known/oauth-authorization-server/api/research answered 404"));
    }

    [TestCase("https://idp.test/", "https://idp.test", true)]
    [TestCase("https://idp.test/", "https://IDP.test/", true)]
    [TestCase("https://idp.test/realms/a", "https://idp.test/realms/a", true)]
    [TestCase("https://idp.test/realms/a", "https://idp.test/realms/a/", false)]
    [TestCase("https://idp.test/", "https://evil.test/", false)]
    [TestCase("https://idp.test/", "http://idp.test/", false)]
    [TestCase("https://idp.test/", "https://idp.test:8443/", false)]
    [TestCase("https://idp.test/", "https://idp.test/?x=1", false)]
    [TestCase("https://idp.test/", "not a url", false)]
    public void Issuer_identifiers_must_be_identical(string configured, string published, bool matches) =>
        Assert.That(IssuerIdentifier.Matches(new Uri(configured), published), Is.EqualTo(matches));

    [Test]
    public void Metadata_locations_follow_oidc_discovery_then_rfc_8414() =>
        Assert.That(AuthorizationServerDiscovery.Locations(new Uri("https://idp.test/tenant/a")), Is.EqualTo(new[]
        {
            new Uri("https://idp.test/tenant/a/.well-known/openid-configuration"),
            new Uri("https://idp.test/.well-known/oauth-authorization-server/tenant/a"),
        }));

    [Test]
    public void A_jwks_with_a_symmetric_or_private_key_fails()
    {
        var keys = new JsonWebKeySet("""
            {"keys":[
              {"kty":"oct","kid":"shared","k":"c2VjcmV0LXNoYXJlZC13aXRoLWV2ZXJ5b25l"},
              {"kty":"RSA","kid":"leaky","n":"sXch","e":"AQAB","d":"cHJpdmF0ZQ"}
            ]}
            """);
        Assert.That(PublishedKeysCheck.Check(keys), Is.EqualTo(CheckOutcome.Fail(
            "key 'shared' is a symmetric secret (kty 'oct') published for anyone to read; key 'leaky' includes private key parameters")));
    }

    [Test]
    public void Token_endpoints_over_plain_http_fail_unless_loopback_is_allowed()
    {
        var endpoints = new Dictionary<string, Uri>
        {
            ["issuer"] = new("https://idp.test/"),
            ["token endpoint"] = new("http://idp.test/token"),
            ["introspection endpoint"] = new($"http://127.0.0.1:{LoopbackPort.GetFree()}/introspect"),
        };
        Assert.Multiple(() =>
        {
            var refused = EndpointTransportCheck.Check(endpoints, allowInsecureLoopback: false);
            Assert.That(refused.Holds, Is.False);
            Assert.That(refused.Message, Does.Contain("token endpoint: http://idp.test/token is plain http to a non-loopback host"));
            Assert.That(refused.Message, Does.Contain("introspection endpoint: ").And.Contain("set transport.allowInsecureLoopback: true"));
            Assert.That(EndpointTransportCheck.Check(endpoints, allowInsecureLoopback: true).Message, Does.Not.Contain("introspection endpoint:").And.Contain("non-loopback"));
            Assert.That(EndpointTransportCheck.Check(new Dictionary<string, Uri> { ["token endpoint"] = new("https://idp.test/token") }, false), Is.EqualTo(CheckOutcome.Pass("served over https: token endpoint")));
        });
    }
}
