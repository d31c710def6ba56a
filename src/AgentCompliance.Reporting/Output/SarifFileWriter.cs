using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Sarif;

namespace AgentCompliance.Reporting.Output;

/// <summary>Writes <c>results.sarif</c>.</summary>
public sealed class SarifFileWriter(RunSarifOptions? options = null) : IRunResultFileWriter
{
    public string FileName => RunSarifWriter.FileName;

    public void Write(RunResult result, Stream destination) => RunSarifWriter.Write(result, destination, options);
}
