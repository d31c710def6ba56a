namespace AgentCompliance.Scenarios.Tags;

/// <summary>Reads <c>@severity:X</c> tags; the levels are those reports and gates understand.</summary>
public static class SeverityTag
{
    private const string Prefix = "severity:";

    public static IReadOnlyList<string> KnownLevels { get; } = ["critical", "high", "medium", "low", "info"];

    /// <summary>The last <c>@severity:X</c> tag wins, so a scenario can override its feature's default severity.</summary>
    /// <returns>The lower-cased level, or null when no severity tag is present.</returns>
    public static string? Find(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        string? severity = null;
        foreach (var tag in tags)
        {
            var name = tag.StartsWith('@') ? tag[1..] : tag;
            if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                severity = name[Prefix.Length..].ToLowerInvariant();
            }
        }

        return severity;
    }

    public static bool IsKnown(string severity) => KnownLevels.Contains(severity, StringComparer.Ordinal);
}
