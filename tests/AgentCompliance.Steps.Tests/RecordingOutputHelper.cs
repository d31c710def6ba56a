using Reqnroll;

namespace AgentCompliance.Steps.Tests;

/// <summary>Captures what a step writes as evidence, so tests can assert on it.</summary>
internal sealed class RecordingOutputHelper : IReqnrollOutputHelper
{
    public List<string> Lines { get; } = [];

    public void WriteLine(string message) => Lines.Add(message);

    public void WriteLine(string format, params object[] args) =>
        Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void AddAttachment(string filePath) => Lines.Add($"attachment: {filePath}");
}
