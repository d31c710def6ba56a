using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// A recorded tool inventory: the overall hash and one hash per tool, so drift can name the tools that changed. The
/// file holds no time stamp, so re-recording an unchanged inventory leaves it byte for byte the same.
/// </summary>
public sealed record ToolPin
{
    /// <summary>The server's name in the profile (informational).</summary>
    public required string Server { get; init; }

    /// <summary>Hash over every tool (see <see cref="ToolInventoryHash"/>).</summary>
    public required string InventoryHash { get; init; }

    /// <summary>Tool name → hash of its pinned fields.</summary>
    public required IReadOnlyDictionary<string, string> Tools { get; init; }

    private static readonly JsonSerializerOptions FileFormat = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The pin of an inventory as listed now.</summary>
    public static ToolPin Of(string server, IEnumerable<McpTool> tools)
    {
        var perTool = ToolInventoryHash.PerTool(tools);
        return new ToolPin { Server = server, InventoryHash = ToolInventoryHash.OfInventory(perTool), Tools = perTool };
    }

    /// <summary>Reads a pin file; a file that is not a pin is reported naming the file.</summary>
    /// <exception cref="InvalidDataException">The file is not a pin written by <see cref="WriteAsync"/>.</exception>
    public static async Task<ToolPin> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        ToolPin? pin;
        try
        {
            pin = await JsonSerializer.DeserializeAsync<ToolPin>(file, FileFormat, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a tool pin ({e.Message.Split('.')[0]})", e);
        }

        return pin is { InventoryHash.Length: > 0, Tools: not null }
            ? pin with { Tools = new SortedDictionary<string, string>(pin.Tools.ToDictionary(), StringComparer.Ordinal) }
            : throw new InvalidDataException($"{path} is not a tool pin (no inventoryHash or tools)");
    }

    /// <summary>Writes the pin (creating its folder), replacing the file in one step.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, FileFormat) + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>What changed from this pin to <paramref name="current"/>.</summary>
    public ToolInventoryDrift CompareWith(ToolPin current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var added = current.Tools.Keys.Where(name => !Tools.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var removed = Tools.Keys.Where(name => !current.Tools.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var changed = Tools.Where(t => current.Tools.TryGetValue(t.Key, out var now) && now != t.Value)
            .Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        return new ToolInventoryDrift(InventoryHash, current.InventoryHash, added, removed, changed);
    }
}
