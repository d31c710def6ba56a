using AgentCompliance.Probes.Tokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Tokens;

/// <summary>Signature validation with Microsoft.IdentityModel against the issuer's published keys, including forged tokens.</summary>
[TestFixture]
public sealed class SignatureCheckTests
{
    private readonly CraftedTokens _tokens = new();

    [OneTimeTearDown]
    public void Dispose() => _tokens.Dispose();

    [Test]
    public async Task A_token_signed_by_the_issuers_key_holds() =>
        Assert.That((await SignatureCheck.CheckAsync(_tokens.Signed(), _tokens.Keys, CraftedTokens.Issuer)).Holds, Is.True);

    [Test]
    public async Task A_tampered_payload_fails() =>
        Assert.That(await SignatureCheck.CheckAsync(_tokens.Tampered(), _tokens.Keys, CraftedTokens.Issuer), Is.EqualTo(CheckOutcome.Fail("the signature does not verify with the issuer's published keys")));

    [Test]
    public async Task An_hmac_token_keyed_with_the_public_key_is_not_accepted() =>
        Assert.That((await SignatureCheck.CheckAsync(_tokens.HmacWithPublicKey(), _tokens.Keys, CraftedTokens.Issuer)).Holds, Is.False);

    [Test]
    public async Task An_unsigned_token_is_not_accepted() =>
        Assert.That((await SignatureCheck.CheckAsync(_tokens.Unsigned(), _tokens.Keys, CraftedTokens.Issuer)).Holds, Is.False);

    [Test]
    public async Task A_token_from_another_issuer_fails() =>
        Assert.That(await SignatureCheck.CheckAsync(_tokens.Signed(issuer: "https://other.test/"), _tokens.Keys, CraftedTokens.Issuer), Is.EqualTo(CheckOutcome.Fail("the token's 'iss' is not the issuer")));

    [Test]
    public async Task An_expired_token_fails() =>
        Assert.That(
            await SignatureCheck.CheckAsync(_tokens.Signed(issued: DateTime.UtcNow.AddMinutes(-20), expires: DateTime.UtcNow.AddMinutes(-10)), _tokens.Keys, CraftedTokens.Issuer),
            Is.EqualTo(CheckOutcome.Fail("the token has expired")));

    [Test]
    public async Task A_token_signed_by_a_key_the_issuer_does_not_publish_fails()
    {
        using var stranger = new CraftedTokens();
        var outcome = await SignatureCheck.CheckAsync(stranger.Signed(), _tokens.Keys, CraftedTokens.Issuer);
        Assert.That(outcome.Holds, Is.False);
    }
}
