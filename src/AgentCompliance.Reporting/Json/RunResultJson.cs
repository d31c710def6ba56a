using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace AgentCompliance.Reporting.Json;

/// <summary>
/// Writes and reads results.json, the machine-readable record of one run (schema: <c>results.schema.json</c>
/// embedded in AgentCompliance.Core). Reading validates against that schema and reports every problem as
/// <c>file:line:col</c>, because these files come back as user input (baselines, shard merges, threat-model joins).
/// </summary>
public static class RunResultJson
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Conventional file name inside an output folder.</summary>
    public const string FileName = "results.json";

    /// <summary>Stop listing schema violations after this many; the first few locate the damage.</summary>
    private const int MaxReportedProblems = 20;

    private static readonly ResultsJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,

        // The file is read by tools and people, not embedded in HTML: keep <, >, & and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    });

    public static void Write(RunResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        System.Text.Json.JsonSerializer.Serialize(destination, ToDocument(result), Context.ResultsDocument);
    }

    public static string Serialize(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return System.Text.Json.JsonSerializer.Serialize(ToDocument(result), Context.ResultsDocument);
    }

    /// <summary>Reads and validates a results.json file.</summary>
    /// <exception cref="InvalidInputException">The file is missing, not JSON, or does not match the schema.</exception>
    public static RunResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, "results file not found", "pass the results.json written by `agentcompliance run --out DIR`"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, $"cannot read results file: {e.Message}"));
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates results.json text; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="InvalidInputException">The text is not JSON or does not match the schema.</exception>
    public static RunResult Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);

        var token = LoadWithLineInfo(json, sourceName);
        CheckSchemaVersion(token, sourceName);
        var violations = Innermost(SchemaResources.Get(SchemaResources.Results).Validate(token)).ToList();
        if (violations.Count > 0)
        {
            throw new InvalidInputException(violations
                .OrderBy(v => v.LineNumber).ThenBy(v => v.LinePosition)
                .Take(MaxReportedProblems)
                .Select(v => ToProblem(v, sourceName))
                .ToList());
        }

        ResultsDocument document;
        try
        {
            // From the validated tree rather than the raw text: the reader above tolerates comments and trailing
            // commas, and what the schema accepted is exactly what gets mapped.
            document = System.Text.Json.JsonSerializer.Deserialize(token.ToString(Formatting.None), Context.ResultsDocument)
                ?? throw new InvalidInputException(new InputProblem(sourceName, 1, 1, "results file is JSON null"));
        }
        catch (System.Text.Json.JsonException e)
        {
            // The schema bounds every number to what .NET holds, so this means the schema and the model drifted apart.
            throw new InvalidInputException(new InputProblem(sourceName, 0, 0, $"unreadable value at {e.Path}: {FirstLine(e.Message)}"));
        }

        var result = FromDocument(document);
        if (!Equals(ToSummary(result.Summary), document.Summary))
        {
            var summaryToken = token["summary"] as IJsonLineInfo;
            throw new InvalidInputException(new InputProblem(
                sourceName,
                summaryToken?.LineNumber ?? 0,
                summaryToken?.LinePosition ?? 0,
                "summary counts do not match the scenarios listed",
                "the file was edited by hand or truncated; write it again with `agentcompliance run --out DIR`"));
        }

        CheckShard(result, token, sourceName);
        return result;
    }

    /// <summary>
    /// What the schema cannot say about a shard: K within 1..N, one position per listed scenario, each inside the
    /// selection and none twice. A merge relies on these to put the shards back together.
    /// </summary>
    private static void CheckShard(RunResult result, JToken token, string sourceName)
    {
        if (result.Shard is not { } shard)
        {
            return;
        }

        string? problem = null;
        if (shard.Index > shard.Count)
        {
            problem = $"shard index {shard.Index} is above the shard count {shard.Count}";
        }
        else if (shard.Positions.Count != result.Scenarios.Count)
        {
            problem = $"shard lists {shard.Positions.Count} positions for {result.Scenarios.Count} scenarios";
        }
        else if (shard.Positions.FirstOrDefault(p => p >= shard.SelectedTotal, -1) is var outside and >= 0)
        {
            problem = $"shard position {outside} is outside the {shard.SelectedTotal} selected scenarios";
        }
        else if (shard.Positions.Count != shard.Positions.Distinct().Count())
        {
            problem = "shard lists a position twice";
        }

        if (problem is not null)
        {
            var info = token["shard"] as IJsonLineInfo;
            throw new InvalidInputException(new InputProblem(
                sourceName, info?.LineNumber ?? 0, info?.LinePosition ?? 0, problem, "the file was edited by hand or truncated; run the shard again"));
        }
    }

    private static JToken LoadWithLineInfo(string json, string sourceName)
    {
        using var textReader = new StringReader(json);
        using var reader = new JsonTextReader(textReader)
        {
            // Keep timestamps as the strings the schema checks; Newtonsoft would otherwise turn them into DateTime.
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        try
        {
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore });

            // ReadFrom stops after the first value; reading on reports any trailing garbage with its position.
            while (reader.Read())
            {
            }

            return token;
        }
        catch (JsonReaderException e)
        {
            var message = e.LineNumber == 0 && json.Trim().Length == 0 ? "results file is empty" : $"not valid JSON: {StripNewtonsoftLocation(e.Message)}";
            throw new InvalidInputException(new InputProblem(sourceName, Math.Max(e.LineNumber, 1), Math.Max(e.LinePosition, 1), message));
        }
    }

    private static void CheckSchemaVersion(JToken token, string sourceName)
    {
        // A newer file gets a clear "upgrade" message instead of a list of schema violations.
        if (token is JObject root && root["schemaVersion"] is JValue { Type: JTokenType.Integer } version && version.Value<long>() != SchemaVersion)
        {
            var info = (IJsonLineInfo)version;
            throw new InvalidInputException(new InputProblem(
                sourceName,
                info.LineNumber,
                info.LinePosition,
                $"results file has schemaVersion {version.Value<long>()}; this version of agentcompliance reads schemaVersion {SchemaVersion}",
                version.Value<long>() > SchemaVersion ? "upgrade agentcompliance to read it" : "write the file again with this version"));
        }
    }

    /// <summary>
    /// NJsonSchema reports a bad array item or referenced object as one wrapper error; the useful errors (which
    /// property, which value) are inside it.
    /// </summary>
    private static IEnumerable<ValidationError> Innermost(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError { Errors.Count: > 0 } child
            ? Innermost(child.Errors.Values.SelectMany(nested => nested))
            : [error]);

    private static InputProblem ToProblem(ValidationError violation, string sourceName)
    {
        var what = violation.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"missing property '{violation.Property}'",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown property '{violation.Property}'",
            ValidationErrorKind.NotInEnumeration =>
                $"'{violation.Token}' is not one of {string.Join(", ", violation.Schema?.Enumeration.Select(v => v?.ToString()) ?? [])}",
            _ => SplitWords(violation.Kind.ToString()),
        };
        var path = violation.Path ?? string.Empty;

        // For property errors NJsonSchema's path ends with the property itself; the message names the object holding it.
        if (violation.Kind is ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed && violation.Property is { Length: > 0 } property
            && path.EndsWith(property, StringComparison.Ordinal))
        {
            path = path[..^property.Length].TrimEnd('.', '/');
        }

        var where = path.TrimStart('#', '/') is { Length: > 0 } trimmed ? trimmed : "document root";
        return new InputProblem(
            sourceName,
            violation.HasLineInfo ? violation.LineNumber : 0,
            violation.HasLineInfo ? violation.LinePosition : 0,
            $"{what} at {where}",
            "results.json must match results.schema.json; was it written by agentcompliance?");
    }

    private static string SplitWords(string pascalCase)
    {
        var builder = new StringBuilder(pascalCase.Length + 8);
        foreach (var c in pascalCase)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string StripNewtonsoftLocation(string message)
    {
        // Newtonsoft appends "Path 'x', line 3, position 7."; the location is already in file:line:col.
        var index = message.IndexOf(" Path '", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }

    private static string FirstLine(string text)
    {
        var index = text.IndexOfAny(['\r', '\n']);
        return index < 0 ? text : text[..index];
    }

    private static ResultsDocument ToDocument(RunResult result) => new()
    {
        SchemaVersion = SchemaVersion,
        ToolVersion = result.ToolVersion,
        StartedAt = result.StartedAt,
        FinishedAt = result.FinishedAt,
        Interrupted = result.Interrupted,
        InterruptionReason = result.InterruptionReason,
        Summary = ToSummary(result.Summary),
        Warnings = result.Warnings,
        Scenarios = result.Scenarios.Select(ToDocument).ToList(),
        Gate = result.Gate is { } gate
            ? new GateDocument
            {
                Passed = gate.Passed,
                ReportOnly = gate.ReportOnly,
                ExitCode = gate.ExitCode,
                Reasons = gate.Reasons.Select(r => new GateReasonDocument(GateReasonKindNames.ToJson(r.Kind), r.Message, r.ScenarioIds.Count > 0 ? r.ScenarioIds : null)).ToList(),
                Notes = gate.Notes,
                CoverageDeferred = gate.CoverageDeferred,
            }
            : null,
        Shard = result.Shard is { } shard
            ? new ShardDocument { Index = shard.Index, Count = shard.Count, SelectedTotal = shard.SelectedTotal, Positions = shard.Positions }
            : null,
    };

    private static SummaryDocument ToSummary(RunSummary summary) =>
        new(summary.Total, summary.Passed, summary.Failed, summary.Undefined, summary.Pending, summary.Ambiguous, summary.Skipped, summary.NotRun);

    private static ScenarioDocument ToDocument(ScenarioResult scenario) => new()
    {
        Id = scenario.Id,
        Name = scenario.Name,
        Example = scenario.Example,
        FeatureName = scenario.FeatureName,
        FeatureFile = scenario.FeatureFile,
        Line = Math.Max(scenario.Line, 0),
        Rule = scenario.Rule,
        Tags = scenario.Tags,
        Controls = scenario.Controls,
        Severity = scenario.Severity,
        Status = ResultStatusNames.ToJson(scenario.Status),
        DurationMs = ToMilliseconds(scenario.Duration),
        ErrorMessage = scenario.ErrorMessage,
        Steps = scenario.Steps.Select(ToDocument).ToList(),
        Fingerprint = scenario.Fingerprint,
        Waiver = scenario.Waiver is { } waiver
            ? new WaiverDocument
            {
                Control = waiver.Control,
                Scenario = waiver.Scenario,
                Fingerprint = waiver.Fingerprint,
                Justification = waiver.Justification,
                Owner = waiver.Owner,
                Expires = waiver.ExpiresText,
                File = waiver.File,
                Line = waiver.Line,
            }
            : null,
        Baseline = scenario.Baseline is { } baseline ? GateReasonKindNames.ToJson(baseline) : null,
    };

    private static StepDocument ToDocument(StepResult step) => new()
    {
        Keyword = step.Keyword,
        Text = step.Text,
        Line = Math.Max(step.Line, 0),
        Status = ResultStatusNames.ToJson(step.Status),
        DurationMs = ToMilliseconds(step.Duration),
        BoundMethod = step.BoundMethod,
        ErrorMessage = step.ErrorMessage,
        Snippet = step.Snippet,
        Candidates = step.Candidates,
        Evidence = step.Evidence.Select(e => new EvidenceDocument(e.Kind, e.Title, e.Text)).ToList(),
    };

    private static RunResult FromDocument(ResultsDocument document) => new()
    {
        ToolVersion = document.ToolVersion,
        StartedAt = document.StartedAt,
        FinishedAt = document.FinishedAt,
        Interrupted = document.Interrupted,
        InterruptionReason = document.InterruptionReason,
        Warnings = document.Warnings,
        Scenarios = document.Scenarios.Select(FromDocument).ToList(),
        Gate = document.Gate is { } gate
            ? new GateVerdict
            {
                ReportOnly = gate.ReportOnly,
                Reasons = gate.Reasons.Select(r => new GateReason(GateReasonKindNames.Parse(r.Kind), r.Message) { ScenarioIds = r.Scenarios ?? [] }).ToList(),
                Notes = gate.Notes,
                CoverageDeferred = gate.CoverageDeferred,
            }
            : null,
        Shard = document.Shard is { } shard
            ? new RunShard(shard.Index, shard.Count, shard.SelectedTotal) { Positions = shard.Positions }
            : null,
    };

    private static ScenarioResult FromDocument(ScenarioDocument scenario) => new()
    {
        Id = scenario.Id,
        Name = scenario.Name,
        Example = scenario.Example,
        FeatureName = scenario.FeatureName,
        FeatureFile = scenario.FeatureFile,
        Line = scenario.Line,
        Rule = scenario.Rule,
        Tags = scenario.Tags,
        Controls = scenario.Controls,
        Severity = scenario.Severity,
        Status = ParseStatus(scenario.Status),
        Duration = FromMilliseconds(scenario.DurationMs),
        ErrorMessage = scenario.ErrorMessage,
        Steps = scenario.Steps.Select(FromDocument).ToList(),
        Waiver = scenario.Waiver is { } waiver
            ? new Waiver
            {
                Control = waiver.Control,
                Scenario = waiver.Scenario,
                Fingerprint = waiver.Fingerprint,
                Justification = waiver.Justification,
                Owner = waiver.Owner,
                Expires = ParseDate(waiver.Expires),
                File = waiver.File,
                Line = waiver.Line,
            }
            : null,
        Baseline = scenario.Baseline is { } baseline ? GateReasonKindNames.ParseBaseline(baseline) : null,
    };

    private static StepResult FromDocument(StepDocument step) => new()
    {
        Keyword = step.Keyword,
        Text = step.Text,
        Line = step.Line,
        Status = ParseStatus(step.Status),
        Duration = FromMilliseconds(step.DurationMs),
        BoundMethod = step.BoundMethod,
        ErrorMessage = step.ErrorMessage,
        Snippet = step.Snippet,
        Candidates = step.Candidates,
        Evidence = step.Evidence.Select(e => new EvidenceItem(e.Kind, e.Title, e.Text)).ToList(),
    };

    // The schema only checks the shape YYYY-MM-DD; a day that does not exist means the file was edited by hand.
    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidInputException(new InputProblem("results.json", 0, 0, $"waiver expiry '{text}' is not a calendar date", "write the file again with `agentcompliance run --out DIR`"));

    // The schema's enum already rejected anything else; this guards against the two drifting apart.
    private static ResultStatus ParseStatus(string text) =>
        ResultStatusNames.TryParse(text, out var status) ? status : throw new InvalidOperationException($"status '{text}' passed the schema but is unknown");

    // Negative durations (clock adjustments) would break the schema's minimum; a step cannot take less than nothing.
    private static double ToMilliseconds(TimeSpan duration) => Math.Max(duration.Ticks, 0) / (double)TimeSpan.TicksPerMillisecond;

    // Through ticks, not TimeSpan.FromMilliseconds, so sub-millisecond precision survives a round trip; the schema
    // bounds durations below only, so an absurdly large value saturates instead of overflowing.
    private static TimeSpan FromMilliseconds(double milliseconds)
    {
        var ticks = Math.Round(milliseconds * TimeSpan.TicksPerMillisecond);
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }
}
