using System.Text.Json.Nodes;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AgentCompliance.Probes.Audit;

/// <summary>
/// The JSON Schema every audit event must satisfy: the built-in one (its field names following the profile's), or
/// the profile's own. Problems name fields and rules, never values, since an event's values may be secrets.
/// </summary>
public sealed class AuditEventSchema
{
    private const string BuiltInResource = "AgentCompliance.Probes.Audit.audit-event.schema.json";
    private const int MaxProblemsPerEvent = 5;
    private readonly JsonSchema _schema;

    private AuditEventSchema(JsonSchema schema, string name)
    {
        _schema = schema;
        Name = name;
    }

    /// <summary>"the built-in audit event schema" or the schema file's path.</summary>
    public string Name { get; }

    /// <summary>The built-in schema's text, unchanged (for documentation and tests).</summary>
    public static string BuiltInText
    {
        get
        {
            using var stream = typeof(AuditEventSchema).Assembly.GetManifestResourceStream(BuiltInResource)
                ?? throw new InvalidOperationException($"{BuiltInResource} is not embedded");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The built-in schema with its top-level field names renamed as the profile's field names say.</summary>
    /// <exception cref="ProbeFailedException">A field is renamed to a nested path, which only a schema of the user's own can describe.</exception>
    public static async Task<AuditEventSchema> BuiltInAsync(AuditEventFieldNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var defaults = new AuditEventFieldNames();
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (builtIn, given) in Pairs(defaults).Zip(Pairs(names), (d, n) => (d.Value, n.Value)))
        {
            if (builtIn == given)
            {
                continue;
            }

            if (given.Contains('.', StringComparison.Ordinal))
            {
                throw new ProbeFailedException(
                    $"target.auditLog.fields names the nested field '{given}', which the built-in audit event schema cannot describe: name a schema of your own with target.auditLog.schema");
            }

            renames[builtIn] = given;
        }

        var node = JsonNode.Parse(BuiltInText)!;
        Rename(node, renames);
        var schema = await JsonSchema.FromJsonAsync(node.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return new AuditEventSchema(schema, "the built-in audit event schema");
    }

    /// <summary>A schema file of the user's. References to other local files resolve; references to URLs are refused, as reading a schema must not reach the network.</summary>
    /// <exception cref="ProbeFailedException">The file is missing, is not a JSON Schema, or refers to a URL.</exception>
    public static async Task<AuditEventSchema> FromFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var schema = await JsonSchema.FromJsonAsync(text, path, s => new LocalOnlyReferenceResolver(s), cancellationToken).ConfigureAwait(false);
            return new AuditEventSchema(schema, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProbeFailedException($"the audit event schema {path} cannot be read: {e.Message}");
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new ProbeFailedException($"the audit event schema {path} is not a usable JSON Schema: {e.Message}");
        }
    }

    /// <summary>Why the entry does not satisfy the schema (empty when it does); a line that is not an event gets its parse problem.</summary>
    public IReadOnlyList<string> Validate(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsEvent)
        {
            return [entry.Problem ?? "not an event"];
        }

        var errors = _schema.Validate(entry.Text);
        var problems = errors.Take(MaxProblemsPerEvent).Select(Describe).ToList();
        if (errors.Count > MaxProblemsPerEvent)
        {
            problems.Add($"and {errors.Count - MaxProblemsPerEvent} more");
        }

        return problems;
    }

    private static string Describe(ValidationError error)
    {
        var field = FieldOf(error);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"missing required field '{field}'",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"field '{field}' is not allowed",
            ValidationErrorKind.NotInEnumeration => $"'{field}' has a value the schema does not allow",
            ValidationErrorKind.DateTimeExpected => $"'{field}' is not a date-time (RFC 3339)",
            ValidationErrorKind.StringTooShort => $"'{field}' is empty or too short",
            ValidationErrorKind.StringTooLong => $"'{field}' is too long",
            ValidationErrorKind.PatternMismatch => $"'{field}' does not match the schema's pattern",
            ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAllOf =>
                error.Schema?.ExtensionData is { } extension && extension.TryGetValue("x-any-of-message", out var message) && message is string text
                    ? text
                    : $"'{field}' matches none of the schema's alternatives",
            _ when error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                $"'{field}' must be {error.Kind.ToString()[..^"Expected".Length].ToLowerInvariant()}",
            _ => $"'{field}': {error.Kind}",
        };
    }

    private static string FieldOf(ValidationError error)
    {
        var path = (error.Path ?? string.Empty).TrimStart('#').Trim('/').Replace('/', '.');
        return error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } property
            ? (path.Length == 0 || path.EndsWith(property, StringComparison.Ordinal) ? path.Length == 0 ? property : path : $"{path}.{property}")
            : path.Length == 0 ? "the event" : path;
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(AuditEventFieldNames names) =>
    [
        new("agent", names.Agent), new("tool", names.Tool), new("action", names.Action), new("resource", names.Resource),
        new("decision", names.Decision), new("reason", names.Reason), new("timestamp", names.Timestamp),
        new("correlationId", names.CorrelationId), new("eventType", names.EventType),
    ];

    // Renames keys of every 'properties' object and entries of every 'required' list, wherever they are nested.
    private static void Rename(JsonNode? node, Dictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (from, to) in renames.Where(r => properties.ContainsKey(r.Key)).ToList())
                    {
                        var value = properties[from];
                        properties.Remove(from);
                        properties[to] = value;
                    }
                }

                if (obj["required"] is JsonArray required)
                {
                    for (var i = 0; i < required.Count; i++)
                    {
                        if (required[i]?.GetValue<string>() is { } name && renames.TryGetValue(name, out var renamed))
                        {
                            required[i] = renamed;
                        }
                    }
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rename(child, renames);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    Rename(child, renames);
                }

                break;
        }
    }
}
