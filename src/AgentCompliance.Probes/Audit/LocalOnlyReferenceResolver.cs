using NJsonSchema;
using NJsonSchema.References;

namespace AgentCompliance.Probes.Audit;

/// <summary>Resolves a schema's references to its own definitions and to local files, and refuses URLs.</summary>
internal sealed class LocalOnlyReferenceResolver(JsonSchema schema)
    : JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
{
    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"the schema refers to '{url}'; references to URLs are not followed, copy that schema next to this one and refer to the file");
}
