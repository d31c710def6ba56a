using System.Xml;
using System.Xml.Linq;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.JUnit;

namespace AgentCompliance.Reporting.Tests.JUnit;

/// <summary>Writes junit.xml to bytes and parses it back the way a strict CI reader would.</summary>
internal static class JUnitXml
{
    public static XDocument WriteAndParse(RunResult run)
    {
        using var stream = new MemoryStream();
        JUnitXmlWriter.Write(run, stream);
        stream.Position = 0;

        // CheckCharacters and no DTD: what a careful reader does; any invalid character fails the load.
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    public static XElement TestCase(XDocument document, string name) =>
        document.Descendants("testcase").Single(e => (string?)e.Attribute("name") == name);

    public static XElement Suite(XDocument document, string name) =>
        document.Root!.Elements("testsuite").Single(e => (string?)e.Attribute("name") == name);

    public static int Int(XElement element, string attribute) => int.Parse((string)element.Attribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);
}
