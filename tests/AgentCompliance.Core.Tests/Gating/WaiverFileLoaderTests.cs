using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Gating;

public class WaiverFileLoaderTests
{
    [Test]
    public void Reads_each_key_kind_with_its_line_and_canonical_control_id()
    {
        var waivers = WaiverFileLoader.LoadFromText("""
            version: 1
            waivers:
              - control: asi-03
                justification: Compensating control in the gateway
                owner: platform
                expires: 2027-01-31
              - scenario: identity/tokens.feature:12
                justification: j
                owner: o
                expires: 2027-01-31
              - fingerprint: 0123456789abcdef
                justification: j
                owner: o
                expires: 2027-01-31
            """, "waivers.yaml", ControlCatalog.BuiltIn);

        Assert.Multiple(() =>
        {
            Assert.That(waivers.Select(w => w.Key), Is.EqualTo(new[] { "control ASI03", "scenario identity/tokens.feature:12", "fingerprint 0123456789abcdef" }));
            Assert.That(waivers.Select(w => w.Location), Is.EqualTo(new[] { "waivers.yaml:3", "waivers.yaml:7", "waivers.yaml:11" }));
            Assert.That(waivers[0].Expires, Is.EqualTo(new DateOnly(2027, 1, 31)));
        });
    }

    [TestCase("waivers:\n  - control: ASI03\n    justification: j\n    owner: o\n    expires: 2027-02-30\n", "waivers.yaml:5:14", "not a calendar date")]
    [TestCase("waivers:\n  - control: ASI03\n    justification: ' '\n    owner: o\n    expires: 2027-02-01\n", "waivers.yaml:3:20", "justification")]
    [TestCase("waivers:\n  - justification: j\n    owner: o\n    expires: 2027-02-01\n", "waivers.yaml:2:", "exactly one of control, scenario or fingerprint")]
    [TestCase("waivers:\n  - control: ASI03\n    justification: j\n    owner: o\n    expires: 2027-02-01\n    approved: yes\n", "waivers.yaml:6:", "approved")]
    [TestCase("waivers: [\n", "waivers.yaml:", "")]
    public void A_malformed_file_is_reported_at_file_line_column(string text, string location, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => WaiverFileLoader.LoadFromText(text, "waivers.yaml", ControlCatalog.BuiltIn))!;

        Assert.That(error.Message, Does.Contain(location).And.Contain(message));
    }
}
