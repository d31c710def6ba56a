namespace AgentCompliance.Analysis.Model;

/// <summary>Why a finding does not count: who suppressed it, where, and the justification they wrote.</summary>
/// <param name="Kind">In the source or in an external file.</param>
/// <param name="Justification">Non-empty: a suppression without one does not suppress.</param>
/// <param name="Origin">What suppressed it, e.g. <c>#pragma warning disable</c> at a line, or a waiver file entry.</param>
public sealed record FindingSuppression(SuppressionKind Kind, string Justification, string Origin);
