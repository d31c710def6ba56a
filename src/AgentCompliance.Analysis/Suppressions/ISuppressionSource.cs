using AgentCompliance.Analysis.Model;

namespace AgentCompliance.Analysis.Suppressions;

/// <summary>
/// A source of suppressions outside the code, such as a waiver file with justifications and expiry dates. Asked once
/// for each finding that no in-source suppression covers; return null to leave the finding active.
/// </summary>
public interface ISuppressionSource
{
    FindingSuppression? FindSuppression(Finding finding);
}
