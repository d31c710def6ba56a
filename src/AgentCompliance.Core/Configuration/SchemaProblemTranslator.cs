using System.Globalization;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Turns NJsonSchema validation errors into one <see cref="InputProblem"/> per offending node, located in the YAML
/// source. Messages name keys, paths, limits and allowed values, but never the user's value: any string in an input
/// file may be a secret.
/// </summary>
/// <remarks>
/// Schemas can tune messages with extension keywords that editors ignore: <c>x-message</c> replaces the message for
/// value and shape errors (pattern, length, oneOf, property counts), <c>x-type-message</c> the message for a value of
/// the wrong type, and <c>x-hint</c> supplies the hint.
/// </remarks>
internal static class SchemaProblemTranslator
{
    private const string ValueCategory = "value";

    public static IReadOnlyList<InputProblem> Translate(IEnumerable<ValidationError> errors, PositionedDocument document)
    {
        // A node of the wrong type usually fails its pattern, enum or required keys too; the type error alone says
        // what to fix, so type errors are handled first and suppress the rest for that node.
        var ordered = Flatten(errors).OrderBy(e => IsTypeError(e.Kind) ? 0 : e.Kind == ValidationErrorKind.NotInEnumeration ? 1 : 2).ToList();
        var reported = new Dictionary<JToken, HashSet<string>>(ReferenceEqualityComparer.Instance);
        var wrongType = new HashSet<JToken>(ReferenceEqualityComparer.Instance);
        var problems = new List<InputProblem>();
        foreach (var error in ordered)
        {
            var token = error.Token ?? document.Root;
            if (IsTypeError(error.Kind))
            {
                wrongType.Add(token);
            }
            else if (wrongType.Contains(token))
            {
                // e.g. "missing key 'name'" on a list that should have been a mapping: only the type error helps.
                continue;
            }

            if (!reported.TryGetValue(token, out var categories))
            {
                categories = [];
                reported[token] = categories;
            }

            if (!categories.Add(Category(error)))
            {
                continue;
            }

            problems.Add(Describe(error, token, document));
        }

        return problems;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // Item and map-value errors only wrap the real errors of the item; oneOf/anyOf are reported whole, since
            // the reasons each alternative failed would only confuse.
            if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.ArrayItemNotValid
                    or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.AdditionalItemNotValid)
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(e => e)))
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

    private static string Category(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => "required:" + error.Property,
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "unknown:" + error.Property,
        ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotAllOf
            or ValidationErrorKind.TooManyProperties or ValidationErrorKind.TooFewProperties
            or ValidationErrorKind.ExcludedSchemaValidates => "shape:" + error.Kind,
        _ => ValueCategory,
    };

    private static bool IsTypeError(ValidationErrorKind kind) => kind is ValidationErrorKind.StringExpected
        or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.NullExpected
        or ValidationErrorKind.NoTypeValidates;

    private static InputProblem Describe(ValidationError error, JToken token, PositionedDocument document)
    {
        var schema = error.Schema?.ActualSchema;
        var xMessage = Extension(schema, "x-message");
        var xHint = Extension(schema, "x-hint");

        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                return document.ProblemAt(token, $"{Prefix(token.Path)}missing required key '{error.Property}'", RequiredHint(schema, error.Property ?? string.Empty));

            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                return document.ProblemAt(token, $"{Prefix(token.Parent?.Path ?? string.Empty)}unknown key '{error.Property}'",
                    UnknownKeyHint(schema, token, error.Property ?? string.Empty));

            case ValidationErrorKind.NotInEnumeration:
                return document.ProblemAt(token, $"{Prefix(token.Path)}{xMessage ?? "is not one of the allowed values"}", EnumerationHint(schema, token));

            case ValidationErrorKind.ItemsNotUnique:
                var duplicate = FirstDuplicateItem(token) ?? token;
                return document.ProblemAt(duplicate, $"{Prefix(duplicate.Path)}{xMessage ?? "repeats an earlier item of the same list"}",
                    xHint ?? "remove the duplicate");

            case var kind when IsTypeError(kind):
                var message = Extension(schema, "x-type-message") ?? $"expected {Expected(kind)}, found {Actual(token, document)}";
                return document.ProblemAt(token, $"{Prefix(token.Path)}{message}", QuotingHint(kind, token, document) ?? xHint ?? ShapeHint(kind, token));

            default:
                return document.ProblemAt(token, $"{Prefix(token.Path)}{xMessage ?? ValueMessage(error.Kind, schema)}",
                    xHint ?? (error.Kind == ValidationErrorKind.PatternMismatch ? PatternHint(schema) : null));
        }
    }

    private static string Prefix(string path) => path.Length == 0 ? string.Empty : path + ": ";

    private static string? Extension(JsonSchema? schema, string name) =>
        schema?.ExtensionData is { } data && data.TryGetValue(name, out var value) && value is string text ? text : null;

    private static string RequiredHint(JsonSchema? schema, string property)
    {
        var description = schema is not null && schema.ActualProperties.TryGetValue(property, out var propertySchema)
            ? propertySchema.Description ?? propertySchema.ActualSchema.Description
            : null;
        return description is null ? $"add '{property}:' to this mapping" : $"add '{property}:' to this mapping — {description}";
    }

    private static string UnknownKeyHint(JsonSchema? schema, JToken token, string property)
    {
        var allowed = schema?.ActualProperties.Keys.ToList() ?? [];
        var present = (token.Parent as JObject)?.Properties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var suggestion = SpellingSuggestion.Closest(property, allowed.Where(k => !present.Contains(k)));
        if (suggestion is not null)
        {
            return $"did you mean '{suggestion}'?";
        }

        return allowed.Count == 0 ? "remove it" : $"allowed keys here: {string.Join(", ", allowed)}";
    }

    private static string? EnumerationHint(JsonSchema? schema, JToken token)
    {
        if (schema is null || schema.Enumeration.Count == 0)
        {
            return null;
        }

        var allowed = schema.Enumeration.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null").ToList();
        var suggestion = token.Type == JTokenType.String ? SpellingSuggestion.Closest((string)token!, allowed) : null;
        var list = $"allowed values: {string.Join(", ", allowed)}";
        return suggestion is null ? list : $"did you mean '{suggestion}'? {list}";
    }

    private static string? PatternHint(JsonSchema? schema) =>
        schema?.Description ?? (schema?.Pattern is { } pattern ? $"the value must match the pattern {pattern}" : null);

    private static JToken? FirstDuplicateItem(JToken token)
    {
        if (token is not JArray array)
        {
            return null;
        }

        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JToken.DeepEquals(array[i], array[j]))
                {
                    return array[i];
                }
            }
        }

        return null;
    }

    private static string Expected(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "text",
        ValidationErrorKind.IntegerExpected => "a whole number",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "a mapping of 'key: value' lines",
        ValidationErrorKind.ArrayExpected => "a list",
        ValidationErrorKind.NullExpected => "no value",
        _ => "a value of another type",
    };

    private static string Actual(JToken token, PositionedDocument document) => token.Type switch
    {
        JTokenType.Object => "a mapping",
        JTokenType.Array => "a list",
        JTokenType.Null => "no value",
        JTokenType.Boolean => "true/false",
        JTokenType.Integer => "a whole number",
        JTokenType.Float => "a number with a fraction",
        JTokenType.String when document.IsQuotedScalar(token) => "a quoted string",
        JTokenType.String => "text",
        _ => "a value of another type",
    };

    // The commonest YAML surprises: quotes turn numbers and booleans into text, and 'yes'/'on' are text in YAML 1.2.
    private static string? QuotingHint(ValidationErrorKind kind, JToken token, PositionedDocument document)
    {
        var text = token.Type == JTokenType.String ? (string?)token : null;
        var quoted = document.IsQuotedScalar(token);
        return kind switch
        {
            ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected
                when quoted && text is not null && YamlCoreSchema.Resolve(text.Trim()).Type is JTokenType.Integer or JTokenType.Float
                => "remove the quotes: a quoted number is text in YAML",
            ValidationErrorKind.IntegerExpected when token.Type == JTokenType.Float => "use a whole number, without a fraction",
            ValidationErrorKind.BooleanExpected when quoted && text is not null && YamlCoreSchema.Resolve(text.Trim()).Type == JTokenType.Boolean
                => "remove the quotes: a quoted true/false is text in YAML",
            ValidationErrorKind.BooleanExpected when !quoted && text?.ToUpperInvariant() is "YES" or "NO" or "ON" or "OFF" or "Y" or "N"
                => "write true or false; YAML 1.2 reads yes/no/on/off as text",
            ValidationErrorKind.StringExpected when token.Type is JTokenType.Integer or JTokenType.Float or JTokenType.Boolean
                => "put the value in quotes to make it text",
            _ => null,
        };
    }

    private static string? ShapeHint(ValidationErrorKind kind, JToken token) => (kind, token.Type) switch
    {
        (_, JTokenType.Null) => "give a value after the ':'",
        (ValidationErrorKind.ObjectExpected, JTokenType.Array) => "remove the '- ': this takes 'key: value' lines, not a list",
        (ValidationErrorKind.ObjectExpected, _) => "write 'key: value' lines, indented under this key",
        (ValidationErrorKind.ArrayExpected, JTokenType.Object) => "start each item with '- '",
        (ValidationErrorKind.ArrayExpected, _) => "write a list: one '- item' per line, or [a, b]",
        _ => null,
    };

    private static string ValueMessage(ValidationErrorKind kind, JsonSchema? schema) => kind switch
    {
        ValidationErrorKind.PatternMismatch => "does not have the expected form",
        ValidationErrorKind.StringTooShort when (schema?.MinLength ?? 0) <= 1 => "must not be empty",
        ValidationErrorKind.StringTooShort => $"must be at least {schema!.MinLength} characters long",
        ValidationErrorKind.StringTooLong => $"must be at most {schema?.MaxLength} characters long",
        ValidationErrorKind.NumberTooSmall when schema?.ExclusiveMinimum is { } bound => $"must be greater than {Format(bound)}",
        ValidationErrorKind.NumberTooSmall when schema is { IsExclusiveMinimum: true, Minimum: { } bound } => $"must be greater than {Format(bound)}",
        ValidationErrorKind.NumberTooSmall => $"must be at least {Format(schema?.Minimum)}",
        ValidationErrorKind.NumberTooBig when schema?.ExclusiveMaximum is { } bound => $"must be less than {Format(bound)}",
        ValidationErrorKind.NumberTooBig when schema is { IsExclusiveMaximum: true, Maximum: { } bound } => $"must be less than {Format(bound)}",
        ValidationErrorKind.NumberTooBig => $"must be at most {Format(schema?.Maximum)}",
        ValidationErrorKind.IntegerTooBig => "is too large",
        ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => $"must be a multiple of {Format(schema?.MultipleOf)}",
        ValidationErrorKind.TooFewItems => $"must have at least {schema?.MinItems} item(s)",
        ValidationErrorKind.TooManyItems or ValidationErrorKind.TooManyItemsInTuple => $"must have at most {schema?.MaxItems} item(s)",
        ValidationErrorKind.TooFewProperties => $"must have at least {schema?.MinProperties} key(s)",
        ValidationErrorKind.TooManyProperties => $"must have at most {schema?.MaxProperties} key(s)",
        ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotAllOf
            or ValidationErrorKind.ExcludedSchemaValidates => "does not match any of the allowed forms",
        ValidationErrorKind.DateTimeExpected => "must be a date and time (ISO 8601)",
        ValidationErrorKind.DateExpected => "must be a date (YYYY-MM-DD)",
        ValidationErrorKind.TimeExpected => "must be a time of day (hh:mm:ss)",
        ValidationErrorKind.TimeSpanExpected => "must be a duration",
        ValidationErrorKind.UriExpected => "must be an absolute URI",
        ValidationErrorKind.IpV4Expected => "must be an IPv4 address",
        ValidationErrorKind.IpV6Expected => "must be an IPv6 address",
        ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected => "must be a UUID",
        ValidationErrorKind.EmailExpected => "must be an e-mail address",
        ValidationErrorKind.HostnameExpected => "must be a host name",
        ValidationErrorKind.Base64Expected => "must be base64-encoded",
        _ => "is not valid here",
    };

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
