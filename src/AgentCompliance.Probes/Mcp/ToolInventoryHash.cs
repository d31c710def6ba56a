using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// The hash a tool inventory is pinned by: per tool, SHA-256 over the canonical JSON of the fields that define what
/// the model is told and may send (name, title, description, input and output schema, annotations); for the
/// inventory, SHA-256 over the sorted per-tool lines. Server order and formatting do not matter; a changed word,
/// schema or hint does.
/// </summary>
public static class ToolInventoryHash
{
    /// <summary>The fields of a tool definition that are pinned.</summary>
    public static IReadOnlyList<string> PinnedFields { get; } = ["name", "title", "description", "inputSchema", "outputSchema", "annotations"];

    /// <summary>The canonical text of one tool: its pinned fields only.</summary>
    public static string CanonicalForm(McpTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var selected = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in PinnedFields)
        {
            if (tool.Definition.ValueKind == JsonValueKind.Object && tool.Definition.TryGetProperty(field, out var value))
            {
                selected[field] = value;
            }
        }

        return CanonicalJson.Write(JsonSerializer.SerializeToElement(selected));
    }

    /// <summary><c>sha256:</c> and the lowercase hex digest of one tool's canonical form.</summary>
    public static string OfTool(McpTool tool) => Sha256(CanonicalForm(tool));

    /// <summary>Per-tool hashes by tool name, in ordinal name order.</summary>
    public static IReadOnlyDictionary<string, string> PerTool(IEnumerable<McpTool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            // A name listed twice is itself a change worth pinning: both definitions go into the hash.
            hashes[tool.Name] = hashes.TryGetValue(tool.Name, out var earlier) ? Sha256(earlier + OfTool(tool)) : OfTool(tool);
        }

        return hashes;
    }

    /// <summary>The inventory hash over per-tool hashes (name and hash per line, sorted by name).</summary>
    public static string OfInventory(IReadOnlyDictionary<string, string> perTool)
    {
        ArgumentNullException.ThrowIfNull(perTool);
        return Sha256(string.Concat(perTool.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value}\n")));
    }

    private static string Sha256(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
