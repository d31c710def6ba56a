using AgentCompliance.Probes.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Tokens;

[TestFixture]
public sealed class KeyIdCheckTests
{
    private readonly CraftedTokens _tokens = new();

    [OneTimeTearDown]
    public void Dispose() => _tokens.Dispose();

    [Test]
    public void A_published_kid_holds() =>
        Assert.That(KeyIdCheck.Check(new JsonWebToken(_tokens.Signed()), _tokens.Keys).Holds, Is.True);

    [Test]
    public void A_token_without_kid_fails() =>
        Assert.That(KeyIdCheck.Check(new JsonWebToken(_tokens.Signed(kid: null)), _tokens.Keys), Is.EqualTo(CheckOutcome.Fail("the JWT header names no signing key ('kid')")));

    [Test]
    public void A_kid_the_jwks_does_not_publish_fails_listing_the_published_ones() =>
        Assert.That(
            KeyIdCheck.Check(new JsonWebToken(_tokens.Signed(kid: "rotated-away")), _tokens.Keys).Message,
            Is.EqualTo($"the token names key 'rotated-away', which the issuer's JWKS does not publish (published: {CraftedTokens.KeyId})"));
}
