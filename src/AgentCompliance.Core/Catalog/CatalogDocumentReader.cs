using System.Text.RegularExpressions;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace AgentCompliance.Core.Catalog;

/// <summary>
/// Reads catalog documents: JSON text or an already-parsed token is validated against
/// <c>Schemas/catalog.schema.json</c>, and every problem is reported as <c>file:line:column</c>.
/// </summary>
public static partial class CatalogDocumentReader
{
    private const string SchemaHint = "see Schemas/catalog.schema.json for the catalog format";

    /// <summary>Reads and validates a JSON catalog file.</summary>
    /// <exception cref="InvalidInputException">The file cannot be read, is not JSON, or breaks the schema.</exception>
    public static CatalogDocument ReadJsonFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, $"cannot read catalog file: {exception.Message}", "check the path given to --catalog"));
        }

        return ReadJson(json, path);
    }

    /// <summary>Parses and validates catalog JSON; <paramref name="origin"/> names it in error messages.</summary>
    public static CatalogDocument ReadJson(string json, string origin) => ReadJson(json, origin, validateSchema: true);

    /// <summary>
    /// As <see cref="ReadJson(string, string)"/>; the built-in catalogs skip the schema check at run time (loading
    /// the schema costs a noticeable part of a short run's start-up) because a test validates them in every build.
    /// </summary>
    internal static CatalogDocument ReadJson(string json, string origin, bool validateSchema)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(origin);

        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json));
            token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });

            // JToken.ReadFrom stops after the first value; anything after it is a broken file, not something to ignore.
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("unexpected content after the end of the document", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }
        }
        catch (JsonReaderException exception)
        {
            // Newtonsoft reports a failure on the very first character as line 0.
            var line = Math.Max(exception.LineNumber, 1);
            var hint = Path.GetExtension(origin) is ".yaml" or ".yml" ? "this reader takes JSON catalogs; write the catalog as JSON" : SchemaHint;
            throw new InvalidInputException(new InputProblem(origin, line, exception.LinePosition, $"invalid JSON: {StripLocation(exception.Message)}", hint));
        }

        return Read(token, origin, validateSchema);
    }

    /// <summary>
    /// Validates a parsed catalog against the schema and maps it to a <see cref="CatalogDocument"/>. Load the token
    /// with <see cref="LineInfoHandling.Load"/> so problems carry line and column.
    /// </summary>
    public static CatalogDocument Read(JToken document, string origin) => Read(document, origin, validateSchema: true);

    private static CatalogDocument Read(JToken document, string origin, bool validateSchema)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(origin);

        var errors = validateSchema ? SchemaResources.Get(SchemaResources.Catalog).Validate(document) : [];
        if (errors.Count > 0)
        {
            var problems = Flatten(errors)
                .Select(error => ToProblem(error, origin))
                .OrderBy(problem => problem.Line)
                .ThenBy(problem => problem.Column)
                .ToList();
            throw new InvalidInputException(problems);
        }

        var root = (JObject)document;
        var frameworks = root["frameworks"] is JArray frameworkArray
            ? frameworkArray.Cast<JObject>().Select(ReadFramework).ToList()
            : [];
        var controls = ((JArray)root["controls"]!).Cast<JObject>().Select(ReadControl).ToList();
        return new CatalogDocument(origin, frameworks, controls);
    }

    private static CatalogFrameworkEntry ReadFramework(JObject entry)
    {
        var (line, column) = LocationOf(entry);
        return new CatalogFrameworkEntry(Required(entry, "id"), Required(entry, "name"))
        {
            Version = entry.Value<string>("version"),
            Reference = entry.Value<string>("reference"),
            Notes = entry.Value<string>("notes"),
            Prefixes = Strings(entry, "prefixes"),
            Line = line,
            Column = column,
        };
    }

    private static CatalogControlEntry ReadControl(JObject entry)
    {
        var (line, column) = LocationOf(entry);
        var kind = Enum.Parse<ControlKind>(Required(entry, "kind"), ignoreCase: true);
        return new CatalogControlEntry(Required(entry, "id"), Required(entry, "name"), Required(entry, "framework"), kind, Required(entry, "description"))
        {
            Parent = entry.Value<string>("parent"),
            Aliases = Strings(entry, "aliases"),
            Related = Strings(entry, "related"),
            Testable = entry.Value<bool?>("testable") ?? true,
            Line = line,
            Column = column,
        };
    }

    private static string Required(JObject entry, string property) =>
        entry.Value<string>(property) ?? throw new InvalidOperationException($"schema let a catalog entry through without '{property}'");

    private static List<string> Strings(JObject entry, string property) =>
        entry[property] is JArray values ? values.Select(value => value.Value<string>()!).ToList() : [];

    private static (int Line, int Column) LocationOf(JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(pair => pair.Value)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static InputProblem ToProblem(ValidationError error, string origin)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "document" : error.Path.TrimStart('#', '/');
        var message = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"{ParentPath(path)}: missing required property '{error.Property}'",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{path}: unknown property '{error.Property}'",
            ValidationErrorKind.NotInEnumeration => $"{path}: '{error.Token}' is not one of {string.Join(", ", error.Schema?.Enumeration ?? [])}",
            ValidationErrorKind.StringExpected => $"{path}: expected a string",
            ValidationErrorKind.BooleanExpected => $"{path}: expected true or false",
            ValidationErrorKind.ArrayExpected => $"{path}: expected a list",
            ValidationErrorKind.ObjectExpected => $"{path}: expected an object",
            ValidationErrorKind.StringTooShort => $"{path}: must not be empty",
            ValidationErrorKind.StringTooLong => $"{path}: is too long",
            ValidationErrorKind.PatternMismatch => $"{path}: '{error.Token}' is not allowed here" + (error.Schema?.Description is { } rule ? $" ({rule})" : string.Empty),
            ValidationErrorKind.ItemsNotUnique => $"{path}: contains the same value twice",
            _ => $"{path}: {error.Kind}",
        };

        var line = error.HasLineInfo ? error.LineNumber : 0;
        var column = error.HasLineInfo ? error.LinePosition : 0;
        return new InputProblem(origin, line, column, message, SchemaHint);
    }

    // NJsonSchema reports a missing property at the path of the property itself; the problem belongs to its object.
    private static string ParentPath(string path)
    {
        var cut = path.LastIndexOf('.');
        return cut > 0 ? path[..cut] : "document";
    }

    private static string StripLocation(string message) => JsonLocationSuffix().Replace(message, string.Empty).TrimEnd('.', ' ');

    [GeneratedRegex(@"\s*(Path '[^']*'(, line \d+, position \d+)?|line \d+, position \d+)\.?\s*$")]
    private static partial Regex JsonLocationSuffix();
}
