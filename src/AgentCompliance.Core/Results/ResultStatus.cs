namespace AgentCompliance.Core.Results;

/// <summary>
/// Outcome of a step or a scenario. Only <see cref="Passed"/> counts as a pass: undefined, pending and ambiguous
/// steps mean the control was not verified and fail the run.
/// </summary>
public enum ResultStatus
{
    Passed,
    Failed,
    Undefined,
    Pending,
    Ambiguous,

    /// <summary>Not executed because an earlier step failed, or the scenario is tagged <c>@ignore</c>.</summary>
    Skipped,

    /// <summary>Never started: the run was interrupted (Ctrl-C, crash) before reaching it.</summary>
    NotRun,
}
