using System.Text;

namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>
/// Text from scenarios and deployments (error messages, agent output) is untrusted: an escape sequence in it could
/// rewrite the user's terminal. Control characters and unpaired surrogates become U+FFFD, and overlong lines are cut.
/// </summary>
internal static class ConsoleSafeText
{
    /// <summary>Longest line printed; results.json has the full text.</summary>
    public const int MaxLineLength = 400;

    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLineLength) + 2);
        for (var index = 0; index < text.Length; index++)
        {
            if (builder.Length >= MaxLineLength)
            {
                builder.Append(" …");
                break;
            }

            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                builder.Append(c).Append(text[++index]);
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits into safe lines; at most <paramref name="maxLines"/>, with a note when some were left out.</summary>
    public static IReadOnlyList<string> Lines(string? text, int maxLines)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var all = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var lines = all.Take(maxLines).Select(Line).ToList();
        if (all.Length > maxLines)
        {
            lines.Add($"… {all.Length - maxLines} more lines in results.json");
        }

        return lines;
    }
}
