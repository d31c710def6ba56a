namespace AgentCompliance.Analysis.Model;

/// <summary>
/// Where a finding is, 1-based like editors and SARIF; <see cref="EndColumn"/> is one past the last character,
/// in UTF-16 code units.
/// </summary>
public sealed record SourceSpan(string FilePath, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public override string ToString() => $"{FilePath}:{StartLine}:{StartColumn}";
}
