using AgentCompliance.Probes.Tokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Tokens;

/// <summary>Malformed or hostile tokens are refused with a clear reason, never a crash; opaque and encrypted tokens are recognised.</summary>
[TestFixture]
public sealed class JwtReaderTests
{
    [TestCase("abc.def", "the token has 2 dot-separated parts; a signed JWT (JWS compact serialization) has 3")]
    [TestCase("a.b.c.d", "the token has 4 dot-separated parts; a signed JWT (JWS compact serialization) has 3")]
    [TestCase("!!!.eyJzdWIiOiJ4In0.c2ln", "the JWT header is not valid base64url")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.%%%.c2ln", "the JWT payload is not valid base64url")]
    [TestCase("bm90IGpzb24.eyJzdWIiOiJ4In0.c2ln", "the JWT header is not JSON")]
    [TestCase("WzEsMl0.eyJzdWIiOiJ4In0.c2ln", "the JWT header is JSON but not an object")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.***", "the JWT signature is not valid base64url")]
    [TestCase(".eyJzdWIiOiJ4In0.c2ln", "the JWT header is not valid base64url")]
    public void Malformed_tokens_are_refused_saying_what_is_wrong(string token, string reason)
    {
        var error = Assert.Throws<MalformedTokenException>(() => JwtReader.Read(token));
        Assert.That(error!.Message, Is.EqualTo(reason));
    }

    [Test]
    public void A_huge_header_is_refused_before_it_is_decoded()
    {
        var header = CraftedTokens.Encode(new { alg = "RS256", pad = new string('x', 20_000) });
        var error = Assert.Throws<MalformedTokenException>(() => JwtReader.Read($"{header}.eyJzdWIiOiJ4In0.c2ln"));
        Assert.That(error!.Message, Does.StartWith("the JWT header is").And.Contain("characters long, more than 8192"));
    }

    [Test]
    public void A_megabyte_token_is_refused_by_length()
    {
        var error = Assert.Throws<MalformedTokenException>(() => JwtReader.Read(new string('a', 1_000_000) + ".b.c"));
        Assert.That(error!.Message, Does.Contain("more than the 65536 a JWT may have here"));
    }

    [Test]
    public void Deeply_nested_json_is_refused_not_recursed_into()
    {
        var payload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var error = Assert.Throws<MalformedTokenException>(() => JwtReader.Read($"eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln"));
        Assert.That(error!.Message, Is.EqualTo("the JWT payload is not JSON"));
    }

    [Test]
    public void Opaque_and_encrypted_tokens_are_told_apart_from_signed_ones()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JwtReader.IsJwt("VZdyjSILvKaBv7a4zxoTGCQFNbG-lywCINgt5Pqz_PL"), Is.False);
            Assert.That(JwtReader.IsJwt("a.b.c"), Is.True);
            Assert.That(JwtReader.IsEncrypted("a.b.c.d.e"), Is.True);
            Assert.That(JwtReader.IsEncrypted("a.b.c"), Is.False);
        });
    }

    [Test]
    public void A_signed_token_yields_its_claims()
    {
        using var tokens = new CraftedTokens();
        var claims = JwtReader.Claims(JwtReader.Read(tokens.Signed(new Dictionary<string, object>
        {
            ["sub"] = "alice",
            ["aud"] = new[] { "https://api.test/a", "https://api.test/b" },
            ["scope"] = "tools:read reports:read",
            ["act"] = new Dictionary<string, object> { ["sub"] = "research-agent" },
        })));

        Assert.Multiple(() =>
        {
            Assert.That(claims.Subject, Is.EqualTo("alice"));
            Assert.That(claims.Audiences, Is.EqualTo(new[] { "https://api.test/a", "https://api.test/b" }));
            Assert.That(claims.Scopes, Is.EqualTo(new[] { "tools:read", "reports:read" }));
            Assert.That(claims.ActorSubject, Is.EqualTo("research-agent"));
            Assert.That(claims.ExpiresAt - claims.IssuedAt, Is.EqualTo(TimeSpan.FromMinutes(5)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(claims.Source, Is.EqualTo("JWT payload"));
        });
    }
}
