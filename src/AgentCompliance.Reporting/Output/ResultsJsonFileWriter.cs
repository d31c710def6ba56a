using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Reporting.Output;

/// <summary>Writes <c>results.json</c>.</summary>
public sealed class ResultsJsonFileWriter : IRunResultFileWriter
{
    public string FileName => RunResultJson.FileName;

    public void Write(RunResult result, Stream destination) => RunResultJson.Write(result, destination);
}
