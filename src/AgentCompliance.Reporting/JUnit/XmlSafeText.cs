using System.Globalization;
using System.Text;

namespace AgentCompliance.Reporting.JUnit;

/// <summary>
/// Makes arbitrary text (agent output, HTTP bodies, exception messages) safe to put in an XML 1.0 document:
/// control characters other than tab and line breaks are dropped, unpaired surrogates become U+FFFD, and long text is cut at a character
/// boundary with a note saying where the full text is. CI test viewers choke on huge attributes and bodies.
/// </summary>
internal static class XmlSafeText
{
    public static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 64);
        var index = 0;
        while (index < text.Length && builder.Length < maxLength)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                builder.Append(c).Append(text[index + 1]);
                index += 2;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (IsAllowed(c))
            {
                builder.Append(c);
            }

            index++;
        }

        if (index < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… [truncated: {text.Length - index} more characters; results.json has the full text]");
        }

        return builder.ToString();
    }

    /// <summary>One line for an attribute: line breaks become spaces so viewers show it as a title.</summary>
    public static string CleanLine(string? text, int maxLength)
    {
        var cleaned = Clean(text, maxLength);
        return cleaned.Contains('\n', StringComparison.Ordinal) || cleaned.Contains('\r', StringComparison.Ordinal)
            ? cleaned.ReplaceLineEndings(" ")
            : cleaned;
    }

    // XML 1.0's Char production, for a UTF-16 unit that is not a surrogate, less DEL and the C1 controls: XML allows
    // them but discourages them, and terminals showing the file would act on them.
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and < '\u007F') or (> '\u009F' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
