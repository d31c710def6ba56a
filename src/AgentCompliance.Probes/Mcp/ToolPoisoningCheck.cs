using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Looks for tool poisoning in every text of a tool definition — name, title, description, and each string and
/// property name in its schemas and annotations, since all of it reaches the model: hidden instructions, invisible
/// Unicode (zero-width, bidirectional controls, tag characters that spell hidden ASCII), exfiltration URLs or
/// instructions to send data elsewhere, and references to other tools' credentials and secret files. Phrases are
/// matched after removing invisible characters, so splitting a phrase with them does not hide it.
/// </summary>
public static class ToolPoisoningCheck
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    // Descriptions come from the server under test; NonBacktracking keeps matching linear whatever they contain.
    private static readonly (string Pattern, Regex Regex)[] Phrases =
    [
        ("hidden instruction to ignore earlier instructions", new Regex(
            @"\b(ignore|disregard|forget|override)\s+((all|any)\s+)?(of\s+)?((the|your)\s+)?(previous|prior|above|earlier|preceding|other|system)\s+(instructions?|prompts?|rules|directions|guidelines|messages)", Options)),
        ("instruction to hide something from the user", new Regex(
            @"\b(do\s+not|don'?t|never)\s+(tell|inform|mention|reveal|show|notify|alert|disclose)\b[^.\n]{0,40}\buser\b|\bwithout\s+(telling|informing|notifying|alerting|asking)\s+(the\s+)?user\b|\b(hide|conceal|keep)\b[^.\n]{0,30}\bfrom\s+the\s+user\b|\bthe\s+user\s+(must|should)\s+(not|never)\s+(know|see|be\s+told|notice)\b", Options)),
        ("hidden instruction block", new Regex(
            @"<\s*/?\s*(important|system|instructions?|secret|hidden|admin|critical)\s*>", Options)),
        ("instruction to call or read something before using the tool", new Regex(
            @"\bbefore\s+(using|calling|running|invoking)\s+(this|any|the)\s+tool\b[^.\n]{0,60}\b(read|call|run|send|pass|include|fetch)\b", Options)),
        ("attempt to replace the model's instructions", new Regex(
            @"\byou\s+are\s+now\b|\bnew\s+system\s+prompt\b|\bsystem\s+prompt\s*:", Options)),
        ("instruction to send data to another address", new Regex(
            @"\b(send|post|upload|forward|transmit|exfiltrate|leak|submit|report|copy|mail|email)\b[^\n]{0,100}\b(to|at|into)\s+(https?://|[\w.+-]+@[\w-]+\.[\w.]+|(a\s+|the\s+)?webhook)", Options)),
        ("exfiltration URL carrying data in its query", new Regex(
            @"https?://[^\s""'<>]+[?&](data|token|access_token|secret|key|apikey|api_key|password|passwd|pwd|credentials?|session|cookie|conversation|chat|history|env|ssh)=", Options)),
        ("exfiltration URL with a placeholder for data", new Regex(
            @"https?://[^\s""'<>]*(\{[^}\s]*\}|\$\{?[A-Za-z_])", Options)),
        ("reference to SSH keys", new Regex(
            @"~/\.ssh\b|\.ssh/|\bid_(rsa|dsa|ecdsa|ed25519)\b", Options)),
        ("reference to .env files", new Regex(
            @"(^|[\s""'`(/~=:])\.env(\.[a-z]+)?\b", Options)),
        ("reference to credential files", new Regex(
            @"\.aws/credentials|\.netrc\b|\.npmrc\b|\.pypirc\b|\.pgpass\b|\.git-credentials|\.kube/config|\.docker/config\.json|/etc/(passwd|shadow)\b|\bmcp\.json\b|claude_desktop_config\.json|\bcredentials\.json\b", Options)),
        ("reference to other tools' credentials", new Regex(
            @"\b(api[\s_-]?keys?|tokens?|credentials|secrets|passwords?)\s+(of|for|from|used\s+by)\s+(the\s+)?(other|another|all)\s+(tools?|servers?|services?|agents?)\b", Options)),
    ];

    /// <summary>Every finding in the tools, in tool order; one per pattern and location.</summary>
    public static IReadOnlyList<PoisoningFinding> Check(IEnumerable<McpTool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var findings = new List<PoisoningFinding>();
        foreach (var tool in tools)
        {
            var name = MakeVisible(tool.Name);
            foreach (var (location, text) in Texts(tool.Definition, string.Empty))
            {
                findings.AddRange(CheckText(text).Select(f => new PoisoningFinding(name, location.Length == 0 ? "(root)" : location, f.Pattern, f.Excerpt)));
            }
        }

        return findings;
    }

    /// <summary>The patterns found in one text, with an excerpt around each.</summary>
    public static IReadOnlyList<(string Pattern, string Excerpt)> CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(string, string)>();
        var invisible = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var hidden = new StringBuilder();
        var visible = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (InvisibleKind(rune) is { } kind)
            {
                if (!invisible.TryGetValue(kind, out var codes))
                {
                    invisible[kind] = codes = new SortedSet<string>(StringComparer.Ordinal);
                }

                codes.Add($"U+{rune.Value:X4}");
                if (rune.Value is >= 0xE0020 and <= 0xE007E)
                {
                    hidden.Append((char)(rune.Value - 0xE0000));
                }
            }
            else
            {
                visible.Append(rune.ToString());
            }
        }

        foreach (var (kind, codes) in invisible)
        {
            var pattern = $"{kind} ({string.Join(", ", codes.Take(5))}{(codes.Count > 5 ? ", …" : string.Empty)})";
            var excerpt = kind.StartsWith("Unicode tag", StringComparison.Ordinal) && hidden.Length > 0
                ? $"hidden text: {Shorten(hidden.ToString(), 120)}"
                : Around(text, IndexOfFirst(text, kind));
            found.Add((pattern, excerpt));
        }

        // Phrases are matched on the text without invisible characters and with whitespace runs collapsed.
        var plain = Regex.Replace(visible.ToString(), @"\s+", " ", RegexOptions.NonBacktracking);
        foreach (var (pattern, regex) in Phrases)
        {
            var match = regex.Match(plain);
            if (match.Success)
            {
                found.Add((pattern, Around(plain, match.Index, match.Length)));
            }
        }

        return found;
    }

    /// <summary>Invisible characters written as <c>&lt;U+XXXX&gt;</c>, so a report cannot itself carry hidden text.</summary>
    public static string MakeVisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (InvisibleKind(rune) is not null || Rune.IsControl(rune))
            {
                result.Append($"<U+{rune.Value:X4}>");
            }
            else
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }

    private static string? InvisibleKind(Rune rune) => rune.Value switch
    {
        0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or 0x180E => "zero-width characters",
        0x200E or 0x200F or 0x061C or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => "bidirectional control characters",
        >= 0xE0000 and <= 0xE007F => "Unicode tag characters (invisible ASCII)",
        _ when Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format => "invisible format characters",
        _ => null,
    };

    private static IEnumerable<(string Location, string Text)> Texts(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return (path, element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    // Property names reach the model too (schema keys); check them as text of their own.
                    yield return ($"{MakeVisible(child)} (name)", property.Name);
                    foreach (var text in Texts(property.Value, MakeVisible(child)))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Texts(item, $"{path}[{index}]"))
                    {
                        yield return text;
                    }

                    index++;
                }

                break;
            default:
                break;
        }
    }

    private static int IndexOfFirst(string text, string kind)
    {
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (InvisibleKind(rune) == kind)
            {
                return index;
            }

            index += rune.Utf16SequenceLength;
        }

        return 0;
    }

    private static string Around(string text, int index, int length = 1)
    {
        var start = Math.Max(0, index - 40);
        var end = Math.Min(text.Length, index + length + 40);
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return (start > 0 ? "…" : string.Empty) + MakeVisible(text[start..end]) + (end < text.Length ? "…" : string.Empty);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
