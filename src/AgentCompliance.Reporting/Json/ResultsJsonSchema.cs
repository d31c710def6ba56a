using AgentCompliance.Core.Results;
using NJsonSchema;

namespace AgentCompliance.Reporting.Json;

/// <summary>The published results.json schema, embedded in Core so every reader validates against the same file.</summary>
internal static class ResultsJsonSchema
{
    public const string ResourceName = "AgentCompliance.Schemas.results.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JsonSchema Instance => Schema.Value;

    public static string ReadText()
    {
        using var stream = typeof(RunResult).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from AgentCompliance.Core");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // NJsonSchema only offers an async loader; the schema has no external references, so nothing waits on I/O.
    private static JsonSchema Load() => JsonSchema.FromJsonAsync(ReadText()).GetAwaiter().GetResult();
}
