using AgentCompliance.Probes.Mcp;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Mcp;

/// <summary>Reading the Bearer challenge and where RFC 9728 metadata is looked up.</summary>
[TestFixture]
public sealed class BearerChallengeTests
{
    [Test]
    public void Quoted_and_plain_parameters_are_read()
    {
        var challenge = BearerChallenge.Find(["Bearer realm=\"mcp\", resource_metadata=\"http://127.0.0.1:8080/.well-known/oauth-protected-resource\", scope=tools"]);

        Assert.That(challenge!.ResourceMetadata, Is.EqualTo("http://127.0.0.1:8080/.well-known/oauth-protected-resource"));
        Assert.That(challenge.Parameters["scope"], Is.EqualTo("tools"));
        Assert.That(challenge.Parameters["realm"], Is.EqualTo("mcp"));
    }

    [Test]
    public void Escapes_in_quoted_strings_are_resolved()
    {
        Assert.That(BearerChallenge.Find(["Bearer error_description=\"say \\\"hi\\\"\""])!.Parameters["error_description"], Is.EqualTo("say \"hi\""));
    }

    [Test]
    public void Other_schemes_are_not_a_bearer_challenge()
    {
        Assert.That(BearerChallenge.Find(["Basic realm=\"x\"", "BearerToken x=1"]), Is.Null);
        Assert.That(BearerChallenge.Find(["Basic realm=\"x\"", "bearer"])!.Parameters, Is.Empty);
    }

    [TestCase("http://127.0.0.1:9000/mcp", "http://127.0.0.1:9000/.well-known/oauth-protected-resource/mcp")]
    [TestCase("http://127.0.0.1:9000/", "http://127.0.0.1:9000/.well-known/oauth-protected-resource")]
    [TestCase("https://tools.example.test/v1/mcp/", "https://tools.example.test/.well-known/oauth-protected-resource/v1/mcp")]
    public void The_well_known_metadata_url_inserts_the_suffix_before_the_resource_path(string resource, string expected)
    {
        Assert.That(ProtectedResourceMetadataProbe.WellKnownUrl(new Uri(resource)).ToString(), Is.EqualTo(expected));
    }
}
