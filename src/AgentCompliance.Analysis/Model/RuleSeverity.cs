namespace AgentCompliance.Analysis.Model;

/// <summary>How serious a finding is; the names match SARIF's <c>level</c> values so CI tools read them unchanged.</summary>
public enum RuleSeverity
{
    Note = 1,
    Warning = 2,
    Error = 3,
}
