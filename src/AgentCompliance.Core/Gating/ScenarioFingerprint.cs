using System.Security.Cryptography;
using System.Text;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Core.Gating;

/// <summary>
/// A scenario's identity across runs: feature file, scenario name and example row, but not line numbers, so editing
/// a feature file above a scenario does not turn an existing failure into a new one. 16 hex characters, short enough
/// to paste into a waiver.
/// </summary>
public static class ScenarioFingerprint
{
    public const int Length = 16;

    public static string Of(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Of(scenario.FeatureFile, scenario.Name, scenario.Example);
    }

    public static string Of(string featureFile, string scenarioName, string? example)
    {
        ArgumentNullException.ThrowIfNull(featureFile);
        ArgumentNullException.ThrowIfNull(scenarioName);

        // A unit separator cannot occur in a path or a Gherkin name, so no two inputs join to the same text.
        var text = $"{featureFile.Replace('\\', '/')}\u001f{scenarioName.Trim()}\u001f{example?.Trim()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..Length];
    }
}
