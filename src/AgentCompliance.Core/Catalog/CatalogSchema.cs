using NJsonSchema;

namespace AgentCompliance.Core.Catalog;

/// <summary>The embedded <c>catalog.schema.json</c>, parsed once and shared by every catalog load.</summary>
internal static class CatalogSchema
{
    public const string ResourceName = "AgentCompliance.Schemas.catalog.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JsonSchema Instance => Schema.Value;

    private static JsonSchema Load()
    {
        using var stream = typeof(CatalogSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourceName}' is missing from the build");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();

        // NJsonSchema only offers an async parser; Task.Run keeps the blocking wait off any caller's synchronization
        // context, and it happens once per process.
        return Task.Run(() => JsonSchema.FromJsonAsync(json)).GetAwaiter().GetResult();
    }
}
