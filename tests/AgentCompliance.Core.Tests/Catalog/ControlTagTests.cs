using AgentCompliance.Core.Catalog;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Catalog;

/// <summary>Gherkin tags carry control IDs; a misspelt control tag must be reported, an ordinary tag ignored.</summary>
[TestFixture]
public sealed class ControlTagTests
{
    private static ControlCatalog Catalog => ControlCatalog.BuiltIn;

    [TestCase("@ASI03", "ASI03")]
    [TestCase("@NHI7", "NHI7")]
    [TestCase("@GV-1.6", "GOVERN 1.6")]
    [TestCase("@MEASURE-2.7", "MEASURE 2.7")]
    [TestCase("@MAESTRO-L4", "MAESTRO-L4")]
    [TestCase("@LLM06", "LLM06")]
    [TestCase("@T2", "T2")]
    [TestCase("@MAESTRO-L7:agent-impersonation", "MAESTRO-L7:Agent Impersonation")]
    [TestCase("@control:ASI01", "ASI01")]
    [TestCase("@control:GOVERN-1.6", "GOVERN 1.6")]
    public void Control_tag_resolves(string tag, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalog.TryParseControlTag(tag, out var control, out var error), Is.True);
            Assert.That(control?.Id, Is.EqualTo(expected));
            Assert.That(error, Is.Null);
        });
    }

    [TestCase("@ASI11", "ASI01")]
    [TestCase("@NHI12", "NHI1")]
    [TestCase("@GV-1.9", "GOVERN 1.1")]
    [TestCase("@MAESTRO-L9", "MAESTRO-L1")]
    [TestCase("@MAESTRO-L7:agent-impersonator", "MAESTRO-L7:Agent Impersonation")]
    [TestCase("@control:ASI-13", "ASI03")]
    public void Control_like_tag_that_names_no_control_reports_the_closest(string tag, string closest)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalog.TryParseControlTag(tag, out var control, out var error), Is.False);
            Assert.That(control, Is.Null);
            Assert.That(error, Does.Contain($"did you mean '{closest}'?").And.Contain(tag));
        });
    }

    [TestCase("@smoke")]
    [TestCase("@severity:high")]
    [TestCase("@wip")]
    [TestCase("@map")]
    [TestCase("@l10n")]
    [TestCase("@Tier1x")]
    [TestCase("@maestro")]
    public void Ordinary_tag_is_not_a_control_and_not_an_error(string tag)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalog.TryParseControlTag(tag, out var control, out var error), Is.False);
            Assert.That(control, Is.Null);
            Assert.That(error, Is.Null);
        });
    }

    [Test]
    public void Empty_explicit_control_tag_is_an_error()
    {
        Assert.That(Catalog.TryParseControlTag("@control:", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("names no control"));
    }
}
