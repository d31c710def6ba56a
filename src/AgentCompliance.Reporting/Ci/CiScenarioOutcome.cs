namespace AgentCompliance.Reporting.Ci;

/// <summary>How CI outputs present a scenario that did not verify its control.</summary>
public enum CiScenarioOutcome
{
    /// <summary>A gate reason blames it (or no gate was evaluated): an error annotation.</summary>
    FailsGate,

    /// <summary>Failed, but below the severity threshold or an existing failure with <c>--fail-on new</c>: a warning.</summary>
    DoesNotFailGate,

    /// <summary>A waiver accepts the failure: a notice.</summary>
    Waived,
}
