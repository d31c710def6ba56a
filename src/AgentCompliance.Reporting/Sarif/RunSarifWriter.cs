using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Reporting.Sarif;

/// <summary>
/// Writes a run as SARIF 2.1.0 for GitHub code scanning and other viewers, in the style of the code analyser's SARIF:
/// one result per scenario that did not verify its control (failed, waived, undefined, pending, ambiguous), reported
/// under the scenario's primary control as rule, located at the scenario in its feature file relative to
/// <c>%SRCROOT%</c> (the working directory), with the scenario fingerprint as <c>partialFingerprints</c>, a
/// <c>baselineState</c> when the run was compared with a baseline, and waived failures kept with an accepted
/// external suppression. Passed, skipped and not-run scenarios are not results.
/// </summary>
public static class RunSarifWriter
{
    /// <summary>Conventional file name inside an output folder.</summary>
    public const string FileName = "results.sarif";

    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "%SRCROOT%";
    public const string ToolName = "AgentCompliance";

    /// <summary>Key of the scenario fingerprint in each result's <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "agentComplianceScenario/v1";

    /// <summary>Longest result message; code scanning shows the first lines, results.json keeps everything.</summary>
    internal const int MaxMessageLength = 8_000;

    public static void Write(RunResult result, Stream destination, RunSarifOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        WriteLog(json, result, options ?? new RunSarifOptions());
    }

    public static string Serialize(RunResult result, RunSarifOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Write(result, buffer, options);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Whether a scenario becomes a SARIF result: it did not verify its control (waived failures included).</summary>
    public static bool IsReported(ScenarioResult scenario) => GateEvaluator.IsUnsuccessful(scenario);

    private static void WriteLog(Utf8JsonWriter json, RunResult result, RunSarifOptions options)
    {
        var reported = result.Scenarios.Where(IsReported).ToList();
        var byRule = reported.GroupBy(ScenarioRuleIds.Of, StringComparer.Ordinal).ToList();
        var ruleIndex = byRule.Select((rule, index) => (rule.Key, index)).ToDictionary(pair => pair.Key, pair => pair.index, StringComparer.Ordinal);

        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolName);
        json.WriteString("version", result.ToolVersion);
        json.WriteString("informationUri", "https://owasp.org/www-project-top-10-for-large-language-model-applications/");
        json.WriteStartArray("rules");
        foreach (var rule in byRule)
        {
            WriteRule(json, rule.Key, [.. rule], options);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        WriteInvocation(json, result);

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var scenario in reported)
        {
            WriteResult(json, scenario, ruleIndex[ScenarioRuleIds.Of(scenario)], result.Gate, options);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, RunResult result)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", !result.Interrupted);
        json.WriteString("startTimeUtc", result.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (result.FinishedAt is { } finished)
        {
            json.WriteString("endTimeUtc", finished.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        var notifications = result.Warnings.Select(w => (Level: "warning", Text: w)).ToList();
        if (result.Interrupted)
        {
            notifications.Insert(0, ("error", $"the run did not complete: {result.InterruptionReason ?? "interrupted"}"));
        }

        if (notifications.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var (level, text) in notifications)
            {
                json.WriteStartObject();
                json.WriteString("level", level);
                WriteMessage(json, "message", text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteRule(Utf8JsonWriter json, string id, List<ScenarioResult> scenarios, RunSarifOptions options)
    {
        var control = id == ScenarioRuleIds.Untagged ? null : options.Catalog.TryResolve(id, out var found) ? found : null;
        var name = control?.Name ?? (id == ScenarioRuleIds.Untagged ? "Scenario without a control tag" : id);
        var help = control is null
            ? id == ScenarioRuleIds.Untagged
                ? "The scenario carries no catalog control tag, so its failure cannot be mapped to a control. Tag it with the control it verifies, e.g. @ASI03."
                : $"Scenarios tagged @{id} verify this control."
            : $"{control.Description} Scenarios tagged @{control.Id} verify this control ({control.FrameworkId}).";
        var highest = scenarios.Select(GateEvaluator.SeverityOf).Min();

        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        WriteMessage(json, "shortDescription", name);
        WriteMessage(json, "fullDescription", help);
        json.WriteStartObject("help");
        json.WriteString("text", help);
        json.WriteString("markdown", $"**{id} {name}**\n\n{help}");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(highest));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        foreach (var tag in new[] { control?.FrameworkId, "security", "compliance" }.OfType<string>())
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteString("security-severity", SecuritySeverity(highest));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ScenarioResult scenario, int ruleIndex, GateVerdict? gate, RunSarifOptions options)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ScenarioRuleIds.Of(scenario));
        json.WriteNumber("ruleIndex", ruleIndex);

        // Not verified is never a matter of severity: the gate always fails on it, so it is always an error.
        json.WriteString("level", scenario.Status == ResultStatus.Failed ? Level(GateEvaluator.SeverityOf(scenario)) : "error");
        WriteMessage(json, "message", Truncate(ScenarioMessages.Describe(scenario)));

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(options.ArtifactPath(scenario.FeatureFile)));
        json.WriteString("uriBaseId", SourceRootId);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(scenario.Line, 1));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, scenario.Fingerprint);
        json.WriteEndObject();

        if (scenario.Baseline is { } baseline)
        {
            json.WriteString("baselineState", baseline == BaselineStatus.New ? "new" : "unchanged");
        }

        if (scenario.Waiver is { } waiver)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("status", "accepted");
            json.WriteString("justification", ScenarioMessages.WaiverJustification(waiver));
            json.WriteStartObject("properties");
            json.WriteString("waiver", waiver.Location);
            json.WriteString("owner", waiver.Owner);
            json.WriteString("expires", waiver.ExpiresText);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("scenario", scenario.Id);
        json.WriteString("status", ResultStatusNames.ToJson(scenario.Status));
        json.WriteString("severity", GateEvaluator.SeverityOf(scenario).ToString().ToLowerInvariant());
        if (gate is not null)
        {
            json.WriteBoolean("failsGate", gate.Blames(scenario.Id));
        }

        json.WriteStartArray("controls");
        foreach (var control in scenario.Controls)
        {
            json.WriteStringValue(control);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Level(SeverityThreshold severity) => severity switch
    {
        SeverityThreshold.Critical or SeverityThreshold.High => "error",
        SeverityThreshold.Medium => "warning",
        _ => "note",
    };

    // Code scanning ranks alerts by this number: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low.
    private static string SecuritySeverity(SeverityThreshold severity) => severity switch
    {
        SeverityThreshold.Critical => "9.5",
        SeverityThreshold.High => "8.0",
        SeverityThreshold.Medium => "5.5",
        SeverityThreshold.Low => "3.0",
        _ => "0.0",
    };

    private static string Truncate(string text) =>
        text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "… [truncated; results.json has the full text]");

    // Relative URI reference: each segment escaped, '/' kept.
    private static string ToUri(string relativePath) => string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
