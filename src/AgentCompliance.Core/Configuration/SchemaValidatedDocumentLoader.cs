using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Loads any user-supplied YAML or JSON file (profile, system model, waivers, catalogs…): decodes it, parses it with
/// source positions, validates it against an embedded JSON Schema and deserialises it into records. Every problem in
/// the file is reported at once, as file:line:column in the user's source, via <see cref="InvalidInputException"/>.
/// </summary>
/// <remarks>
/// Files ending in .json are held to JSON's rules; anything else is YAML 1.2. Records use camelCase keys and enum
/// values spelled by <see cref="System.Runtime.Serialization.EnumMemberAttribute"/>.
/// </remarks>
public static class SchemaValidatedDocumentLoader
{
    // The conventions used to map documents to records and back; private so no caller can change them for all.
    private static readonly JsonSerializerSettings SerializerSettings = new()
    {
        ContractResolver = new DefaultContractResolver
        {
            // Map keys (environment variable names, framework keys) are data and keep their spelling.
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
        },
        Converters = { new StringEnumConverter() },
        NullValueHandling = NullValueHandling.Ignore,
        ObjectCreationHandling = ObjectCreationHandling.Replace,
        MissingMemberHandling = MissingMemberHandling.Error,
        Formatting = Formatting.Indented,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(SerializerSettings);

    /// <summary>Reads, validates and deserialises the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, unreadable or invalid; one problem per defect.</exception>
    public static T Load<T>(string path, string schemaResourceName) => Deserialize<T>(ReadDocument(path, schemaResourceName));

    /// <summary>Like <see cref="Load{T}"/> for text already in memory; <paramref name="fileName"/> labels problems and picks the syntax.</summary>
    public static T LoadFromText<T>(string text, string fileName, string schemaResourceName) =>
        Deserialize<T>(ReadDocumentFromText(text, fileName, schemaResourceName));

    /// <summary>Reads and validates the file, returning the positioned tree for semantic checks before deserialising.</summary>
    public static PositionedDocument ReadDocument(string path, string schemaResourceName)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadDocumentFromText(SourceTextReader.ReadFile(path), path, schemaResourceName);
    }

    /// <summary>Parses and validates text; <paramref name="fileName"/> labels problems and picks YAML or JSON by extension.</summary>
    public static PositionedDocument ReadDocumentFromText(string text, string fileName, string schemaResourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var schema = SchemaResources.Get(schemaResourceName);

        var (document, syntaxProblems) = YamlDocumentReader.Read(text, fileName, YamlDocumentReader.SyntaxOf(fileName));
        var schemaProblems = SchemaProblemTranslator.Translate(schema.Validate(document.Root), document);
        var problems = syntaxProblems.Concat(schemaProblems).OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return document;
    }

    /// <summary>Maps a validated document to a record.</summary>
    public static T Deserialize<T>(PositionedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return document.Root.ToObject<T>(Serializer)
                ?? throw new InvalidInputException(document.ProblemAt(document.Root, "the document has no content"));
        }
        catch (JsonException e)
        {
            // The schema should have caught this; still report a position rather than a stack trace.
            var path = e switch
            {
                JsonSerializationException serialization => serialization.Path,
                JsonReaderException reader => reader.Path,
                _ => null,
            };
            var token = (string.IsNullOrEmpty(path) ? null : document.Root.SelectToken(path)) ?? document.Root;
            throw new InvalidInputException(document.ProblemAt(token, $"{(token.Path.Length == 0 ? string.Empty : token.Path + ": ")}this value cannot be read",
                "check the value's type and range against the schema"));
        }
    }

    /// <summary>Serialises a record with the same conventions, as indented JSON that the loader reads back.</summary>
    public static string ToJson<T>(T value) => JsonConvert.SerializeObject(value, SerializerSettings);
}
