namespace AgentCompliance.Core.Gating;

/// <summary>Why a gate failed; each kind is one rule of the gate policy.</summary>
public enum GateReasonKind
{
    /// <summary>A scenario failed at or above the severity threshold and no waiver covers it.</summary>
    FailedAtSeverity,

    /// <summary>A scenario was undefined, pending or ambiguous: nothing was verified. Never waivable.</summary>
    NotVerified,

    /// <summary>A required control had no scenario that ran.</summary>
    RequiredControlUntested,

    /// <summary>A required control had a failing scenario, whatever its severity.</summary>
    RequiredControlFailed,

    /// <summary>A framework's share of passed controls fell below its minimum.</summary>
    PassRateBelowMinimum,

    /// <summary>A waiver that would cover a failure has expired.</summary>
    WaiverExpired,

    /// <summary>The run was interrupted or left scenarios not run.</summary>
    RunIncomplete,
}
