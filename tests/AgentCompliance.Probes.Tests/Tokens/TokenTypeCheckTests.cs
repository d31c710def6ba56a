using AgentCompliance.Probes.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Tokens;

[TestFixture]
public sealed class TokenTypeCheckTests
{
    private readonly CraftedTokens _tokens = new();

    [OneTimeTearDown]
    public void Dispose() => _tokens.Dispose();

    [TestCase("at+jwt")]
    [TestCase("application/at+jwt")]
    [TestCase("AT+JWT")]
    public void The_access_token_type_holds_in_either_spelling(string type) =>
        Assert.That(TokenTypeCheck.Check(new JsonWebToken(_tokens.Signed(type: type)), "at+jwt").Holds, Is.True);

    [Test]
    public void A_generic_jwt_type_fails() =>
        Assert.That(TokenTypeCheck.Check(new JsonWebToken(_tokens.Signed(type: "JWT")), "at+jwt"), Is.EqualTo(CheckOutcome.Fail("the JWT header's typ is 'JWT', not 'at+jwt'")));
}
