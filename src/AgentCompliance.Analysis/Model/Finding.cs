namespace AgentCompliance.Analysis.Model;

/// <summary>One rule violation at one place in the analysed code.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Message">Formatted message; names code elements, never secret values.</param>
/// <param name="Location">Absolute file path and the exact span of the offending expression.</param>
/// <param name="RelativePath">Path relative to the analysed root, with '/' separators.</param>
/// <param name="Fingerprint">Stable across runs and unrelated edits (rule, file, flagged text, occurrence).</param>
/// <param name="Suppression">Set when a justified suppression or waiver applies; the finding is then not counted.</param>
public sealed record Finding(
    RuleDescriptor Rule,
    string Message,
    SourceSpan Location,
    string RelativePath,
    string Fingerprint,
    FindingSuppression? Suppression = null)
{
    public RuleSeverity Severity => Rule.Severity;

    public bool IsSuppressed => Suppression is not null;

    public override string ToString() => $"{RelativePath}:{Location.StartLine}:{Location.StartColumn}: {Rule.Id}: {Message}";
}
