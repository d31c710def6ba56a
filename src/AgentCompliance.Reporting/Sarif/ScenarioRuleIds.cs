using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Sarif;

/// <summary>The control a scenario is reported under in SARIF and CI annotations.</summary>
public static class ScenarioRuleIds
{
    /// <summary>Rule of a scenario with no catalog control tag: it still shows up, under a rule that says to tag it.</summary>
    public const string Untagged = "AC-UNTAGGED";

    /// <summary>The scenario's first catalog control tag, else <see cref="Untagged"/>.</summary>
    public static string Of(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Controls.Count > 0 ? scenario.Controls[0] : Untagged;
    }
}
