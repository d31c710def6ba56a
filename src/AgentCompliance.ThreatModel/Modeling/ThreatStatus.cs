namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>What the run's evidence says about a threat's mitigating controls.</summary>
public enum ThreatStatus
{
    /// <summary>At least one mitigating control failed: the weakness is confirmed by a test.</summary>
    Failed,

    /// <summary>No mitigating control was tested.</summary>
    Untested,

    /// <summary>Some mitigating controls passed, none failed, others untested.</summary>
    PartiallyVerified,

    /// <summary>Every testable mitigating control passed.</summary>
    Verified,
}
