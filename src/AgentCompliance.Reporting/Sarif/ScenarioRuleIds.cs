using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Sarif;

/// <summary>The control a scenario is reported under in SARIF and CI annotations.</summary>
public static class ScenarioRuleIds
{
    /// <summary>Rule of a scenario with no catalog control tag: it still shows up, under a rule that says to tag it.</summary>
    public const string Untagged = "AC-UNTAGGED";

    private const string MaestroLayerPrefix = "MAESTRO-";

    /// <summary>
    /// The scenario's first catalog control tag that is not a MAESTRO layer, else its first one, else
    /// <see cref="Untagged"/>. Feature-level tags come first and usually name the layer (<c>MAESTRO-L7</c>), which says
    /// where a threat sits, not which control failed; filing every result under its layer would hide the controls.
    /// </summary>
    public static string Of(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Controls.FirstOrDefault(control => !control.StartsWith(MaestroLayerPrefix, StringComparison.OrdinalIgnoreCase))
            ?? (scenario.Controls.Count > 0 ? scenario.Controls[0] : Untagged);
    }

}
