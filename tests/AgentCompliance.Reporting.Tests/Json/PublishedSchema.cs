using AgentCompliance.Core.Results;
using NJsonSchema;

namespace AgentCompliance.Reporting.Tests.Json;

/// <summary>The schema exactly as Core embeds it from Schemas/results.schema.json, loaded independently of the reader.</summary>
internal static class PublishedSchema
{
    public static async Task<JsonSchema> LoadAsync()
    {
        await using var stream = typeof(RunResult).Assembly.GetManifestResourceStream("AgentCompliance.Schemas.results.schema.json");
        Assert.That(stream, Is.Not.Null, "Core must embed Schemas/results.schema.json");
        using var reader = new StreamReader(stream!);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync());
    }
}
