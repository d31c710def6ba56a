using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Output;

/// <summary>One machine-readable output of a run (results.json, junit.xml, ...), written into the output folder.</summary>
public interface IRunResultFileWriter
{
    /// <summary>File name inside the output folder, e.g. <c>junit.xml</c>.</summary>
    string FileName { get; }

    void Write(RunResult result, Stream destination);
}
