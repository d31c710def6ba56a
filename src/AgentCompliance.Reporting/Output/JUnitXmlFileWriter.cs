using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.JUnit;

namespace AgentCompliance.Reporting.Output;

/// <summary>Writes <c>junit.xml</c>.</summary>
public sealed class JUnitXmlFileWriter : IRunResultFileWriter
{
    public string FileName => JUnitXmlWriter.FileName;

    public void Write(RunResult result, Stream destination) => JUnitXmlWriter.Write(result, destination);
}
