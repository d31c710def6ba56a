using AgentCompliance.Core.Redaction;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Redaction;

/// <summary>The one redaction pass: registered secrets and credential-shaped text go; ordinary prose stays.</summary>
[TestFixture]
public sealed class RedactorTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJyZXNlYXJjaC1hZ2VudCJ9.c2lnbmF0dXJlLWJ5dGVz";

    [Test]
    public void Registered_secret_values_are_removed_wherever_they_appear()
    {
        var secrets = new SecretRegistry();
        secrets.Add("s3cr3t-client-value");
        var redacted = new Redactor(secrets).Redact("login failed for s3cr3t-client-value (prefix s3cr3t-client-value-x)");
        Assert.That(redacted, Is.EqualTo("login failed for [REDACTED] (prefix [REDACTED]-x)"));
    }

    [Test]
    public void A_secret_containing_another_is_removed_whole()
    {
        var secrets = new SecretRegistry();
        secrets.Add("abcdef");
        secrets.Add("abcdef-longer-secret");
        Assert.That(new Redactor(secrets).Redact("x abcdef-longer-secret y"), Is.EqualTo("x [REDACTED] y"));
    }

    [TestCase("echoed form-encoded: a%2Bb%2Fc%3Dd%26e%3Cf%3E", "echoed form-encoded: [REDACTED]")]
    [TestCase("{\"echo\":\"a\\u002Bb/c=d\\u0026e\\u003Cf\\u003E\"}", "{\"echo\":\"[REDACTED]\"}")]
    [TestCase("echoed raw: a+b/c=d&e<f>", "echoed raw: [REDACTED]")]
    public void A_secret_echoed_url_encoded_or_json_escaped_is_removed_too(string text, string expected)
    {
        var secrets = new SecretRegistry();
        secrets.Add("a+b/c=d&e<f>");
        Assert.That(new Redactor(secrets).Redact(text), Is.EqualTo(expected));
    }

    [Test]
    public void Values_too_short_to_be_secrets_are_not_registered()
    {
        var secrets = new SecretRegistry();
        secrets.Add("abc");
        secrets.Add(null);
        Assert.That(secrets.Secrets, Is.Empty);
    }

    [TestCase("Authorization: Bearer abcdefghijkl.mnop", "Authorization: Bearer [REDACTED]")]
    [TestCase("authorization: Basic cmVzZWFyY2g6c2VjcmV0", "authorization: Basic [REDACTED]")]
    [TestCase("X-Api-Key: 0123456789abcdef", "X-Api-Key: [REDACTED]")]
    [TestCase("Cookie: session=abc; other=def", "Cookie: [REDACTED]")]
    [TestCase("sent Bearer 0123456789abcdef to the gateway", "sent Bearer [REDACTED] to the gateway")]
    public void Credential_headers_lose_their_values_but_keep_the_scheme(string text, string expected)
    {
        Assert.That(Redactor.PatternsOnly.Redact(text), Is.EqualTo(expected));
    }

    [Test]
    public void Token_and_secret_fields_of_json_bodies_are_masked_and_other_fields_kept()
    {
        var body = """{"access_token":"opaque-token-value","token_type":"Bearer","expires_in":300,"refresh_token" : "r\"x","scope":"documents.read"}""";
        Assert.That(Redactor.PatternsOnly.Redact(body), Is.EqualTo(
            """{"access_token":"[REDACTED]","token_type":"Bearer","expires_in":300,"refresh_token" : "[REDACTED]","scope":"documents.read"}"""));
    }

    [Test]
    public void Secret_fields_of_form_posts_are_masked()
    {
        var form = "grant_type=client_credentials&client_id=research-agent&client_secret=p%40ss-word&token=abc.def&scope=a";
        Assert.That(Redactor.PatternsOnly.Redact(form), Is.EqualTo(
            "grant_type=client_credentials&client_id=research-agent&client_secret=[REDACTED]&token=[REDACTED]&scope=a"));
    }

    [Test]
    public void Json_web_tokens_are_removed_even_when_nobody_registered_them()
    {
        Assert.That(Redactor.PatternsOnly.Redact($"token {Jwt} was accepted"), Is.EqualTo("token [REDACTED] was accepted"));
    }

    [TestCase("no authorization: the server answered 200")]
    [TestCase("the token endpoint must not accept tokens without a signature")]
    [TestCase("expires_in=300 and token_type=Bearer")]
    public void Ordinary_prose_is_left_alone(string text)
    {
        Assert.That(Redactor.PatternsOnly.Redact(text), Is.EqualTo(text));
    }
}
