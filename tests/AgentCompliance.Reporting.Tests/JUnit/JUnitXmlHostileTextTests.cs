using System.Xml.Linq;
using AgentCompliance.Reporting.JUnit;

namespace AgentCompliance.Reporting.Tests.JUnit;

/// <summary>Scenario text comes from feature files and from deployments under test; none of it may break the XML.</summary>
public sealed class JUnitXmlHostileTextTests
{
    private XDocument _document = null!;

    [OneTimeSetUp]
    public void WriteHostileRun() => _document = JUnitXml.WriteAndParse(SampleRuns.Hostile());

    [Test]
    public void Markup_and_cdata_terminators_survive_as_text()
    {
        var testCase = _document.Descendants("testcase").First();

        Assert.Multiple(() =>
        {
            Assert.That((string?)testCase.Attribute("name"), Does.StartWith("Name with " + SampleRuns.XmlBreaking));
            Assert.That(testCase.Element("failure")!.Value, Does.Contain("first line " + SampleRuns.XmlBreaking));
            Assert.That(testCase.Element("system-out")!.Value, Does.Contain("the agent says " + SampleRuns.XmlBreaking));
        });
    }

    [Test]
    public void Control_characters_are_stripped_and_the_rest_of_the_text_kept()
    {
        var allText = string.Concat(_document.Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Append(e.Value)));

        Assert.Multiple(() =>
        {
            Assert.That(allText.Where(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'), Is.Empty);
            Assert.That(_document.Descendants("testcase").First().Element("failure")!.Value, Does.Contain("nul bell backspace vt ff esc[31mred del c1 end"));
        });
    }

    [Test]
    public void Lone_surrogates_become_replacement_characters_and_pairs_are_kept()
    {
        var suiteName = (string?)_document.Root!.Element("testsuite")!.Attribute("name");

        Assert.That(suiteName, Is.EqualTo("Feature lone high \uFFFD lone low \uFFFD pair \U0001F510 end"));
    }

    [Test]
    public void Huge_text_is_truncated_with_a_pointer_to_results_json()
    {
        var testCases = _document.Descendants("testcase").ToList();
        var failure = testCases[0].Element("failure")!;
        var hugeName = (string)testCases[1].Attribute("name")!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.Value, Has.Length.LessThanOrEqualTo(JUnitXmlWriter.MaxBodyLength + 200));
            Assert.That(failure.Value, Does.EndWith("results.json has the full text]"));
            Assert.That(hugeName, Has.Length.LessThanOrEqualTo(JUnitXmlWriter.MaxMessageLength + 200));
            Assert.That(hugeName, Does.Contain("[truncated: "));
            Assert.That(((string?)failure.Attribute("message"))!.Contains('\n', StringComparison.Ordinal), Is.False);
        });
    }

    [Test]
    public void Undefined_step_snippet_and_candidates_survive()
    {
        var failure = _document.Descendants("testcase").ElementAt(1).Element("failure")!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)failure.Attribute("type"), Is.EqualTo("undefined"));
            Assert.That(failure.Value, Does.Contain("[Given(@\"x\")] ]]> nul bell"));
            Assert.That(failure.Value, Does.Contain("  - " + SampleRuns.XmlBreaking));
        });
    }
}
