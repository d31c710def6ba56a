namespace AgentCompliance.Reporting.Ci;

/// <summary>
/// Makes scenario text (names, error messages: user- and server-controlled) safe inside a GitHub Markdown table cell
/// or list item: one line, pipes escaped, and HTML-significant characters encoded, since the job summary renders HTML.
/// </summary>
internal static class MarkdownText
{
    public static string Cell(string? text, int maxLength = 300)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var line = text.ReplaceLineEndings(" ").Trim();
        if (line.Length > maxLength)
        {
            line = string.Concat(line.AsSpan(0, maxLength), "…");
        }

        return line.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);
    }

    /// <summary>Inline code for paths: backticks inside would end the span, so they are dropped.</summary>
    public static string Code(string text) => $"`{text.ReplaceLineEndings(" ").Replace("`", string.Empty, StringComparison.Ordinal)}`";
}
