using System.Text.Json;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// One tool as a server lists it. <see cref="Definition"/> is the whole definition as received, so checks and the
/// inventory hash see every field, including ones this record does not name.
/// </summary>
public sealed record McpTool(string Name, string? Title, string? Description, JsonElement Definition)
{
    /// <summary>Reads a <c>tools/list</c> entry; an entry without a string name is not a tool.</summary>
    public static McpTool? FromJson(JsonElement tool)
    {
        if (tool.ValueKind != JsonValueKind.Object || !tool.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new McpTool(name.GetString()!, OptionalString(tool, "title"), OptionalString(tool, "description"), tool.Clone());
    }

    private static string? OptionalString(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
