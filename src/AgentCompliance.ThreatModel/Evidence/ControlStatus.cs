namespace AgentCompliance.ThreatModel.Evidence;

/// <summary>What a run says about one catalog control.</summary>
public enum ControlStatus
{
    /// <summary>Every scenario tagged with the control that ran passed, and at least one ran.</summary>
    Passed,

    /// <summary>A scenario tagged with the control failed, or could not verify it (undefined, pending, ambiguous).</summary>
    Failed,

    /// <summary>It failed, but an unexpired waiver with a justification covers it.</summary>
    Waived,

    /// <summary>No scenario tagged with the control ran: a coverage gap (or a process control no harness can test).</summary>
    Untested,
}
