namespace AgentCompliance.Probes.Mcp;

/// <summary>The difference between a pinned tool inventory and the one listed now.</summary>
public sealed record ToolInventoryDrift(
    string PinnedHash,
    string CurrentHash,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Changed)
{
    /// <summary>True when the inventory is exactly as pinned.</summary>
    public bool IsNone => PinnedHash == CurrentHash && Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>One line per kind of change, for messages.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        if (Added.Count > 0)
        {
            lines.Add($"tools added since the pin: {string.Join(", ", Added)}");
        }

        if (Removed.Count > 0)
        {
            lines.Add($"tools removed since the pin: {string.Join(", ", Removed)}");
        }

        if (Changed.Count > 0)
        {
            lines.Add($"tools whose definition changed (description, schema or annotations): {string.Join(", ", Changed)}");
        }

        if (lines.Count == 0 && !IsNone)
        {
            lines.Add("the pin's inventory hash does not match its own tool hashes (the pin file was edited by hand)");
        }

        return lines;
    }
}
