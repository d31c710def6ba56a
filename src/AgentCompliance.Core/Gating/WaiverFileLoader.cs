using System.Globalization;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Core.Gating;

/// <summary>
/// Reads a waiver file (YAML, or JSON by extension) validated against <c>waivers.schema.json</c>, then checks what a
/// schema cannot: control IDs exist in the catalog (with the closest ID as a hint) and dates are real calendar days.
/// Every problem is reported at once as file:line:column.
/// </summary>
public static class WaiverFileLoader
{
    /// <exception cref="InvalidInputException">The file is missing, malformed, or names unknown controls or impossible dates.</exception>
    public static IReadOnlyList<Waiver> Load(string path, ControlCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(SchemaValidatedDocumentLoader.ReadDocument(path, SchemaResources.Waivers), catalog);
    }

    /// <summary>Like <see cref="Load"/> for text in memory; <paramref name="fileName"/> labels problems and picks YAML or JSON.</summary>
    public static IReadOnlyList<Waiver> LoadFromText(string text, string fileName, ControlCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(SchemaValidatedDocumentLoader.ReadDocumentFromText(text, fileName, SchemaResources.Waivers), catalog);
    }

    private static List<Waiver> Read(PositionedDocument document, ControlCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<InputProblem>();
        var waivers = new List<Waiver>();
        foreach (var entry in document.Root["waivers"]?.Children<JObject>() ?? [])
        {
            string? control = null;
            if (entry["control"] is JValue controlValue)
            {
                var raw = (string)controlValue!;
                if (catalog.TryResolve(raw, out var resolved))
                {
                    control = resolved.Id;
                }
                else
                {
                    problems.Add(document.ProblemAt(controlValue, catalog.UnknownControlMessage(raw), ControlCatalog.ListControlsHint));
                }
            }

            var expiresValue = (JValue)entry["expires"]!;
            if (!DateOnly.TryParseExact((string)expiresValue!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            {
                problems.Add(document.ProblemAt(expiresValue, "expires is not a calendar date", "write an existing day as YYYY-MM-DD"));
            }

            waivers.Add(new Waiver
            {
                Control = control,
                Scenario = ((string?)entry["scenario"])?.Trim(),
                Fingerprint = (string?)entry["fingerprint"],
                Justification = ((string)entry["justification"]!).Trim(),
                Owner = ((string)entry["owner"]!).Trim(),
                Expires = expires,
                File = document.File,
                Line = document.PositionOf(entry).Line,
            });
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : waivers;
    }
}
