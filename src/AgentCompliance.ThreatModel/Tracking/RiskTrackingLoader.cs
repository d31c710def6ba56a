using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.ThreatModel.Tracking;

/// <summary>
/// Loads a risk tracking file: schema validation with file:line errors, then checks that every entry names a threat
/// this model generates (with the closest id as a hint) and that no threat is tracked twice.
/// </summary>
public static class RiskTrackingLoader
{
    /// <summary>Conventional file name beside the system model.</summary>
    public const string DefaultFileName = "risk-tracking.yaml";

    /// <exception cref="InvalidInputException">One problem per defect, located in the file.</exception>
    public static RiskTrackingDocument Load(string path, IReadOnlyCollection<string> threatIds) =>
        Complete(SchemaValidatedDocumentLoader.ReadDocument(path, SchemaResources.RiskTracking), threatIds);

    /// <summary>Loads from text; <paramref name="fileName"/> labels problems and picks YAML or JSON.</summary>
    public static RiskTrackingDocument LoadFromText(string text, string fileName, IReadOnlyCollection<string> threatIds) =>
        Complete(SchemaValidatedDocumentLoader.ReadDocumentFromText(text, fileName, SchemaResources.RiskTracking), threatIds);

    /// <summary>The tracking file beside a system model (<c>risk-tracking.yaml</c>), or null when there is none.</summary>
    public static string? FindBeside(string systemModelPath)
    {
        ArgumentNullException.ThrowIfNull(systemModelPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(systemModelPath)) ?? ".";
        var candidate = Path.Combine(folder, DefaultFileName);
        return File.Exists(candidate) ? candidate : null;
    }

    private static RiskTrackingDocument Complete(PositionedDocument document, IReadOnlyCollection<string> threatIds)
    {
        ArgumentNullException.ThrowIfNull(threatIds);
        var known = threatIds.ToHashSet(StringComparer.Ordinal);
        var problems = new List<InputProblem>();
        var seen = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var threat in (document.Root["risks"] as JArray)?.OfType<JObject>().Select(r => r["threat"]).OfType<JValue>() ?? [])
        {
            var id = (string)threat!;
            if (!known.Contains(id))
            {
                var suggestion = SpellingSuggestion.Closest(id, known);
                problems.Add(document.ProblemAt(threat, $"{threat.Path}: '{id}' is not a threat of this system model",
                    suggestion is not null ? $"did you mean '{suggestion}'?" : "run `agentcompliance threat-model` and copy an id from threat-model.json"));
            }
            else if (seen.TryGetValue(id, out var first))
            {
                problems.Add(document.ProblemAt(threat, $"{threat.Path}: '{id}' is tracked twice",
                    $"keep one decision per threat; the first is at line {document.PositionOf(first).Line}"));
            }
            else
            {
                seen[id] = threat;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return SchemaValidatedDocumentLoader.Deserialize<RiskTrackingDocument>(document);
    }
}
