namespace AgentCompliance.Core.Gating;

/// <summary>Whether a failure was already in the baseline run (matched by fingerprint).</summary>
public enum BaselineStatus
{
    /// <summary>The baseline did not have this failure: it is a regression or a new scenario.</summary>
    New,

    /// <summary>The baseline run failed the same scenario already.</summary>
    Existing,
}
