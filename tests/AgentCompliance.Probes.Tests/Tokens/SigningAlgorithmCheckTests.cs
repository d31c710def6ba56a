using AgentCompliance.Probes.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Tokens;

[TestFixture]
public sealed class SigningAlgorithmCheckTests
{
    private readonly CraftedTokens _tokens = new();

    [OneTimeTearDown]
    public void Dispose() => _tokens.Dispose();

    [Test]
    public void An_rs256_token_holds() =>
        Assert.That(SigningAlgorithmCheck.Check(new JsonWebToken(_tokens.Signed()), _tokens.Keys), Is.EqualTo(CheckOutcome.Pass("signed with the asymmetric alg RS256")));

    [Test]
    public void An_unsigned_token_fails()
    {
        var outcome = SigningAlgorithmCheck.Check(JwtReader.Read(_tokens.Unsigned()), _tokens.Keys);
        Assert.That(outcome, Is.EqualTo(CheckOutcome.Fail("the token is unsigned (alg 'none'): anyone can forge it")));
    }

    [Test]
    public void An_hmac_token_signed_with_the_public_key_fails_as_algorithm_confusion()
    {
        var outcome = SigningAlgorithmCheck.Check(JwtReader.Read(_tokens.HmacWithPublicKey()), _tokens.Keys);
        Assert.That(outcome.Holds, Is.False);
        Assert.That(outcome.Message, Does.StartWith("the token uses the symmetric alg 'HS256'").And.Contain("algorithm confusion"));
    }

    [Test]
    public void An_algorithm_that_does_not_fit_the_named_key_fails()
    {
        var header = CraftedTokens.Encode(new { alg = "ES256", kid = CraftedTokens.KeyId });
        var token = JwtReader.Read($"{header}.{_tokens.Signed().Split('.')[1]}.c2ln");
        Assert.That(SigningAlgorithmCheck.Check(token, _tokens.Keys).Message, Is.EqualTo($"the token uses alg 'ES256' but its key '{CraftedTokens.KeyId}' is published for 'RS256'"));
    }

    [Test]
    public void An_unknown_algorithm_fails()
    {
        var header = CraftedTokens.Encode(new { alg = "XYZ1" });
        var outcome = SigningAlgorithmCheck.Check(JwtReader.Read($"{header}.{_tokens.Signed().Split('.')[1]}.c2ln"), _tokens.Keys);
        Assert.That(outcome.Message, Does.StartWith("the token uses the alg 'XYZ1', which is not an asymmetric JWS algorithm"));
    }
}
