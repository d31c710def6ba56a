using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Steps.Live;

namespace AgentCompliance.Steps.Tests.Live;

/// <summary>
/// The https step over profiles built in code (the loader already refuses plain http beyond loopback, so these are
/// the profiles it would never let through), and the TLS steps' handling of endpoints they cannot check.
/// </summary>
public sealed class TransportSecurityStepTests
{
    private static (TransportSecuritySteps Steps, RecordedEvidence Evidence, DeploymentContext Deployment) Given(TargetProfile profile)
    {
        var evidence = new RecordedEvidence();
        var deployment = new DeploymentContext(new TargetContext { Profile = profile }, evidence, new SecretRegistry());
        return (new TransportSecuritySteps(deployment), evidence, deployment);
    }

    private static TargetProfile Profile(TargetEndpoints target, bool allowInsecureLoopback = false) => new()
    {
        Version = 1,
        Name = "transport",
        Target = target,
        Transport = new TransportSettings { AllowInsecureLoopback = allowInsecureLoopback },
    };

    [Test]
    public void Https_endpoints_pass_and_are_listed_as_evidence()
    {
        var (steps, evidence, deployment) = Given(Profile(new TargetEndpoints { AgentGateway = new AgentGatewayEndpoint { BaseUrl = new Uri("https://gateway.test/") } }));
        using (deployment)
        {
            steps.ThenEveryEndpointInTheProfileUsesHttps();
        }

        Assert.That(evidence.Items.Single().Text, Does.Contain("target.agentGateway.baseUrl: https://gateway.test/ — https"));
    }

    [Test]
    public void Plain_http_to_another_host_fails_naming_the_profile_key()
    {
        var (steps, _, deployment) = Given(Profile(new TargetEndpoints
        {
            IdentityProvider = new IdentityProviderEndpoints { Issuer = new Uri("https://idp.test/"), TokenEndpoint = new Uri("http://idp.test/token") },
        }, allowInsecureLoopback: true));
        using (deployment)
        {
            var failure = Assert.Throws<ControlFailedException>(steps.ThenEveryEndpointInTheProfileUsesHttps)!;
            Assert.That(failure.Message, Is.EqualTo($"endpoints not reached over https:{Environment.NewLine}  - target.identityProvider.tokenEndpoint http://idp.test/token is plain http to a non-loopback host, so credentials and tokens cross the network unencrypted"));
        }
    }

    [TestCase(false, "is plain http (loopback, and transport.allowInsecureLoopback is not set)")]
    [TestCase(true, "is plain http (loopback; transport.allowInsecureLoopback lets the probes reach it, but it has no TLS)")]
    public void Plain_http_to_loopback_fails_even_when_the_profile_lets_the_probes_reach_it(bool allowed, string why)
    {
        var (steps, _, deployment) = Given(Profile(new TargetEndpoints { PolicyDecisionPoint = new PolicyDecisionPointEndpoint { Kind = PolicyDecisionPointKind.Cerbos, Url = new Uri("http://127.0.0.1:3592/") } }, allowed));
        using (deployment)
        {
            var failure = Assert.Throws<ControlFailedException>(steps.ThenEveryEndpointInTheProfileUsesHttps)!;
            Assert.That(failure.Message, Does.Contain($"target.policyDecisionPoint.url http://127.0.0.1:3592/ {why}"));
        }
    }

    [Test]
    public void A_profile_without_endpoints_verifies_nothing_and_fails()
    {
        var (steps, _, deployment) = Given(Profile(new TargetEndpoints()));
        using (deployment)
        {
            var failure = Assert.Throws<ControlFailedException>(steps.ThenEveryEndpointInTheProfileUsesHttps)!;
            Assert.That(failure.Message, Does.StartWith("the profile names no endpoints, so nothing was verified"));
            Assert.ThrowsAsync<ControlFailedException>(() => steps.ThenEveryEndpointInTheProfilePresentsAValidCertificate());
        }
    }

    [Test]
    public void A_plain_http_endpoint_has_no_TLS_version_and_no_certificate()
    {
        var (steps, _, deployment) = Given(Profile(new TargetEndpoints { AuditLog = new AuditLogLocation { Url = new Uri("http://127.0.0.1:9/events") } }, allowInsecureLoopback: true));
        using (deployment)
        {
            var version = Assert.ThrowsAsync<ControlFailedException>(() => steps.ThenEveryEndpointInTheProfileNegotiatesTlsOrNewer("1.2"))!;
            Assert.That(version.Message, Does.EndWith("target.auditLog.url http://127.0.0.1:9/events is plain http: no TLS at all"));
            var certificate = Assert.ThrowsAsync<ControlFailedException>(() => steps.ThenEveryEndpointInTheProfilePresentsAValidCertificate())!;
            Assert.That(certificate.Message, Does.EndWith("target.auditLog.url http://127.0.0.1:9/events is plain http: it presents no certificate"));
        }
    }

    [Test]
    public void A_minimum_below_TLS_1_2_cannot_be_required()
    {
        var (steps, _, deployment) = Given(Profile(new TargetEndpoints { AgentGateway = new AgentGatewayEndpoint { BaseUrl = new Uri("https://gateway.test/") } }));
        using (deployment)
        {
            Assert.ThrowsAsync<ArgumentException>(() => steps.ThenEveryEndpointInTheProfileNegotiatesTlsOrNewer("1.1"));
        }
    }
}
