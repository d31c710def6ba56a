namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>One malformed input and the single problem (or the first of <see cref="ProblemCount"/>) it must produce.</summary>
public sealed record MalformedInputCase(
    string Name,
    string Text,
    int Line,
    int Column,
    string MessageFragment,
    string? HintFragment = null,
    string FileName = "agentcompliance.yaml",
    int ProblemCount = 1)
{
    public override string ToString() => Name;
}
