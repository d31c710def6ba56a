using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>
/// The profile keys for SPIFFE workload identity and private CAs: spiffe (trust domain, bundle, client certificate),
/// agents[].svid (file, endpoint, jwt) and transport.trustedCaFile load into the records with paths made absolute,
/// and their mistakes are reported at the offending line.
/// </summary>
public sealed class WorkloadIdentityProfileTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-spiffe-profile-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private TargetProfile Load(string yaml) => TargetProfileLoader.LoadFromText(yaml, Path.Combine(_folder, "agentcompliance.yaml"));

    private InputProblem Problem(string yaml) =>
        Assert.Throws<InvalidInputException>(() => Load(yaml))!.Problems.Single();

    [Test]
    public void Spiffe_settings_svid_sources_and_the_trusted_ca_file_load_with_absolute_paths()
    {
        File.WriteAllText(Path.Combine(_folder, "ca.pem"), "placeholder");
        var profile = Load("""
            version: 1
            name: spiffe
            spiffe:
              trustDomain: example.org
              bundle: {file: certs/bundle.json}
              clientCertificate: {certificate: certs/harness.pem, key: {file: certs/harness.key}}
            agents:
              - name: planner
                clientId: planner
                spiffeId: spiffe://example.org/agents/planner
                svid: {file: certs/planner.pem, jwt: {file: secrets/planner.jwt}}
              - name: researcher
                clientId: researcher
                svid: {endpoint: "https://researcher.internal:8443/", jwt: {env: RESEARCHER_JWT_SVID}}
            transport: {trustedCaFile: ca.pem}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Spiffe!.TrustDomain, Is.EqualTo("example.org"));
            Assert.That(profile.Spiffe.Bundle.File, Is.EqualTo(Path.Combine(_folder, "certs", "bundle.json")));
            Assert.That(profile.Spiffe.Bundle.Url, Is.Null);
            Assert.That(profile.Spiffe.ClientCertificate!.Certificate, Is.EqualTo(Path.Combine(_folder, "certs", "harness.pem")));
            Assert.That(profile.Spiffe.ClientCertificate.Key.File, Is.EqualTo(Path.Combine(_folder, "certs", "harness.key")));
            Assert.That(profile.Agents[0].Svid!.File, Is.EqualTo(Path.Combine(_folder, "certs", "planner.pem")));
            Assert.That(profile.Agents[0].Svid!.Jwt!.File, Is.EqualTo(Path.Combine(_folder, "secrets", "planner.jwt")));
            Assert.That(profile.Agents[1].Svid!.Endpoint, Is.EqualTo(new Uri("https://researcher.internal:8443/")));
            Assert.That(profile.Agents[1].Svid!.Jwt!.Env, Is.EqualTo("RESEARCHER_JWT_SVID"));
            Assert.That(profile.Transport.TrustedCaFile, Is.EqualTo(Path.Combine(_folder, "ca.pem")));
        });
    }

    [Test]
    public void A_bundle_endpoint_is_read_as_a_url()
    {
        var profile = Load("""
            version: 1
            name: spiffe
            spiffe: {trustDomain: example.org, bundle: {url: "https://spire.example.org/bundle"}}
            """);
        Assert.That(profile.Spiffe!.Bundle.Url, Is.EqualTo(new Uri("https://spire.example.org/bundle")));
    }

    [Test]
    public void A_missing_trusted_ca_file_is_reported_at_its_line()
    {
        var problem = Problem("""
            version: 1
            name: spiffe
            transport:
              trustedCaFile: missing-ca.pem
            """);
        Assert.That((problem.Line, problem.Message), Is.EqualTo((4, "transport.trustedCaFile: file or folder not found")));
    }

    [Test]
    public void An_svid_with_both_a_file_and_an_endpoint_is_refused()
    {
        var problem = Problem("""
            version: 1
            name: spiffe
            agents:
              - name: planner
                clientId: planner
                svid: {file: planner.pem, endpoint: "https://planner.internal/"}
            """);
        Assert.That(problem.Line, Is.EqualTo(6));
        Assert.That(problem.Message, Does.Contain("must give at most one of 'file' or 'endpoint' for the X.509-SVID"));
    }

    [Test]
    public void An_svid_endpoint_must_be_https()
    {
        var problem = Problem("""
            version: 1
            name: spiffe
            agents:
              - {name: planner, clientId: planner, svid: {endpoint: "http://127.0.0.1:8443/"}}
            transport: {allowInsecureLoopback: true}
            """);
        Assert.That(problem.Message, Does.Contain("must be an absolute https:// URL"));
    }

    [TestCase("Example.org")]
    [TestCase("spiffe://example.org")]
    [TestCase("example.org/agents")]
    public void A_trust_domain_must_be_a_bare_lowercase_name(string trustDomain)
    {
        var problem = Problem($$$"""
            version: 1
            name: spiffe
            spiffe: {trustDomain: "{{{trustDomain}}}", bundle: {file: bundle.json}}
            """);
        Assert.That(problem.Message, Does.Contain("must be a SPIFFE trust domain name"));
    }

    [Test]
    public void The_bundle_needs_exactly_one_of_file_or_url()
    {
        var problem = Problem("""
            version: 1
            name: spiffe
            spiffe: {trustDomain: example.org, bundle: {file: bundle.json, url: "https://spire.example.org/bundle"}}
            """);
        Assert.That(problem.Message, Does.Contain("must give exactly one of 'file' or 'url'"));
    }

    [Test]
    public void A_jwt_svid_written_into_the_profile_is_refused()
    {
        var problem = Problem("""
            version: 1
            name: spiffe
            agents:
              - {name: planner, clientId: planner, svid: {jwt: "eyJhbGciOiJFUzI1NiJ9.e30.sig"}}
            """);
        Assert.That(problem.Message, Does.Contain("writing the secret itself here is not allowed"));
    }
}
