using System.Diagnostics;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Revocation;
using AgentCompliance.TestServers.OidcProvider;
using AgentCompliance.TestServers.OpenIddict;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.OAuth;

/// <summary>
/// Introspection, revocation and the revocation watcher against real issuers: OpenIddict stores its JWTs, so revoking
/// one takes effect at once; oidc-provider refuses to introspect or revoke its JWT access tokens; a token that is not
/// revoked is reported as still accepted, not as rejected.
/// </summary>
[TestFixture]
public sealed class RevocationAndIntrospectionTests
{
    private OpenIddictIssuer _openIddict = null!;
    private OidcProviderIssuer _jwtOidcProvider = null!;

    [OneTimeSetUp]
    public async Task StartIssuers()
    {
        _openIddict = await OpenIddictIssuer.StartAsync(OpenIddictIssuerSettings.Hardened);
        _jwtOidcProvider = await OidcProviderIssuer.StartAsync(hardened: false);
    }

    [OneTimeTearDown]
    public async Task StopIssuers()
    {
        await _openIddict.DisposeAsync();
        await _jwtOidcProvider.DisposeAsync();
    }

    private ClientCredentials Research => new("research-agent", ClientAuthenticationMethod.ClientSecretBasic, _openIddict.Secret("research-agent"));

    private Uri Introspection => new(_openIddict.Issuer, "connect/introspect");

    private async Task<string> TokenAsync(Probes.Http.ProbeHttpClient http) =>
        (await new TokenClient(http).ClientCredentialsAsync(_openIddict.TokenEndpoint, Research, ["tools:read"], _openIddict.Api("research"))).AccessToken;

    [Test]
    public async Task A_revoked_token_is_rejected_by_introspection_and_the_resource_and_the_watch_says_how_fast()
    {
        var evidence = new EvidenceList();
        using var http = ProbeClients.Loopback(evidence);
        var token = await TokenAsync(http);
        Assert.That((await new IntrospectionClient(http).IntrospectAsync(Introspection, Research, token)).Active, Is.True);
        Assert.That((await new ProtectedResourceProbe(http).CallAsync(_openIddict.Api("research"), token)).Accepted, Is.True);

        Assert.That(await new RevocationClient(http).RevokeAsync(new Uri(_openIddict.Issuer, "connect/revoke"), Research, token), Is.Null);
        var observations = await new RevocationWatcher(http).WatchAsync(
            new RevocationWatchTargets { Token = token, IntrospectionEndpoint = Introspection, Client = Research, ProtectedResource = _openIddict.Api("research") },
            Stopwatch.GetTimestamp(),
            TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(observations.Select(o => o.RejectedAfter.HasValue), Is.All.True);
            Assert.That(observations.Select(o => o.LastAnswer), Is.EqualTo(new[] { "active: false", "rejected (401)" }));
            Assert.That(evidence.AllText, Does.Not.Contain(token));
        });
    }

    [Test]
    public async Task A_token_that_was_not_revoked_is_reported_as_still_accepted()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var token = await TokenAsync(http);
        var observations = await new RevocationWatcher(http).WatchAsync(
            new RevocationWatchTargets { Token = token, IntrospectionEndpoint = Introspection, Client = Research, ProtectedResource = _openIddict.Api("research") },
            Stopwatch.GetTimestamp(),
            TimeSpan.FromMilliseconds(500));

        Assert.That(observations.Select(o => (o.RejectedAfter, o.LastAnswer)), Is.EqualTo(new (TimeSpan?, string)[] { (null, "active: true"), (null, "accepted (200)") }));
    }

    [Test]
    public async Task Oidc_provider_refuses_to_revoke_or_introspect_its_jwt_access_tokens()
    {
        using var http = ProbeClients.Loopback(new EvidenceList());
        var client = new ClientCredentials("research-agent", ClientAuthenticationMethod.ClientSecretBasic, _jwtOidcProvider.Secret("research-agent"));
        var token = await new TokenClient(http).ClientCredentialsAsync(new Uri($"{_jwtOidcProvider.Issuer}/token"), client, ["tools:read"], _jwtOidcProvider.Api("research"));

        var revocation = await new RevocationClient(http).RevokeAsync(new Uri($"{_jwtOidcProvider.Issuer}/token/revocation"), client, token.AccessToken);
        var introspection = await new IntrospectionClient(http).IntrospectAsync(new Uri($"{_jwtOidcProvider.Issuer}/token/introspection"), client, token.AccessToken);

        Assert.Multiple(() =>
        {
            Assert.That(revocation, Is.EqualTo(new OAuthError(400, "unsupported_token_type", "Structured JWT Tokens cannot be revoked via the revocation_endpoint")));
            Assert.That(introspection.Error?.Code, Is.EqualTo("unsupported_token_type"));
            Assert.That(introspection.Active, Is.False);
        });
    }
}
