using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentCompliance.Core.Catalog;

/// <summary>
/// The spellings people and tools use for framework IDs (<c>ASI-01</c>, <c>NHI1:2025</c>, <c>GV-1.1</c>,
/// <c>maestro-l3</c>) mapped to the catalog's canonical form. Pure string rules: whether the result names a real
/// control is the catalog's business.
/// </summary>
internal static partial class ControlIdPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The canonical form of <paramref name="raw"/> if it has the shape of a known framework ID, else null.</summary>
    public static string? Canonicalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var value = raw.Trim();

        if (Asi().Match(value) is { Success: true } asi)
        {
            return Invariant($"ASI{Number(asi):00}");
        }

        if (Nhi().Match(value) is { Success: true } nhi)
        {
            return Invariant($"NHI{Number(nhi)}");
        }

        if (Llm().Match(value) is { Success: true } llm)
        {
            return Invariant($"LLM{Number(llm):00}");
        }

        if (ThreatCode().Match(value) is { Success: true } threat)
        {
            return Invariant($"T{Number(threat)}");
        }

        if (Nist().Match(value) is { Success: true } nist)
        {
            var function = NistFunction(nist.Groups["function"].Value);
            if (!nist.Groups["category"].Success)
            {
                return function;
            }

            var category = int.Parse(nist.Groups["category"].Value, CultureInfo.InvariantCulture);
            return nist.Groups["sub"].Success
                ? Invariant($"{function} {category}.{int.Parse(nist.Groups["sub"].Value, CultureInfo.InvariantCulture)}")
                : Invariant($"{function} {category}");
        }

        if (MaestroLayer().Match(value) is { Success: true } layer)
        {
            return Invariant($"MAESTRO-L{Number(layer)}");
        }

        if (MaestroThreat().Match(value) is { Success: true } maestroThreat)
        {
            var layerKey = maestroThreat.Groups["layer"].Value.ToUpperInvariant();
            var layerId = layerKey == "XL" ? "XL" : Invariant($"L{int.Parse(layerKey.TrimStart('L', ' ', '-', '_'), CultureInfo.InvariantCulture)}");
            return $"MAESTRO-{layerId}:{maestroThreat.Groups["name"].Value.Trim()}";
        }

        return null;
    }

    /// <summary>
    /// True when a Gherkin tag body (without '@') is shaped like a framework control ID, so that a tag that names
    /// no control is reported rather than silently ignored. Bare words such as <c>map</c> are not control-like.
    /// </summary>
    public static bool LooksLikeControlTag(string tagBody) => ControlLikeTag().IsMatch(tagBody);

    /// <summary>Lower case, with every run of punctuation or whitespace reduced to one '-'.</summary>
    public static string Slug(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var pendingSeparator = false;
        foreach (var character in value)
        {
            if (!char.IsLetterOrDigit(character))
            {
                pendingSeparator = true;
                continue;
            }

            if (pendingSeparator && builder.Length > 0)
            {
                builder.Append('-');
            }

            pendingSeparator = false;
            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString();
    }

    /// <summary>The key typos are compared on: canonical form when known, short NIST/MAESTRO prefixes spelled out.</summary>
    public static string ComparisonKey(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var canonical = Canonicalize(raw);
        if (canonical is not null)
        {
            return Slug(canonical);
        }

        var expanded = ShortPrefix().Replace(raw.Trim(), match => match.Value.ToUpperInvariant() switch
        {
            "GV" => "GOVERN",
            "MP" => "MAP",
            "MS" => "MEASURE",
            "MG" => "MANAGE",
            _ => "MAESTRO-L",
        });
        return Slug(expanded);
    }

    private static string NistFunction(string prefix) => prefix.ToUpperInvariant() switch
    {
        "GV" or "GOVERN" => "GOVERN",
        "MP" or "MAP" => "MAP",
        "MS" or "MEASURE" => "MEASURE",
        _ => "MANAGE",
    };

    private static int Number(Match match) => int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    // ASI01, ASI-01, ASI 1, asi01:2026
    [GeneratedRegex(@"^ASI[\s_-]*0*(?<n>\d{1,2})(?::\s*\d{4})?$", Options)]
    private static partial Regex Asi();

    // NHI1, NHI-01, NHI1:2025
    [GeneratedRegex(@"^NHI[\s_-]*0*(?<n>\d{1,2})(?::\s*\d{4})?$", Options)]
    private static partial Regex Nhi();

    // LLM01, LLM-1, LLM01:2025
    [GeneratedRegex(@"^LLM[\s_-]*0*(?<n>\d{1,2})(?::\s*\d{4})?$", Options)]
    private static partial Regex Llm();

    // T1, T-1, t01
    [GeneratedRegex(@"^T[\s_-]*0*(?<n>\d{1,2})$", Options)]
    private static partial Regex ThreatCode();

    // GOVERN 1.1, GV-1.1, Govern 1, govern_1.1, MEASURE-2.7, MANAGE
    [GeneratedRegex(@"^(?<function>GOVERN|GV|MAP|MP|MEASURE|MS|MANAGE|MG)(?:[\s_.-]*(?<category>\d{1,2})(?:[._-](?<sub>\d{1,2}))?)?$", Options)]
    private static partial Regex Nist();

    // L3, maestro-l3, MAESTRO L3
    [GeneratedRegex(@"^(?:MAESTRO[\s_:-]*)?L[\s_-]*(?<n>\d{1,2})$", Options)]
    private static partial Regex MaestroLayer();

    // MAESTRO-L7:agent-impersonation, L7:Agent Impersonation, MAESTRO-XL:Data Leakage
    [GeneratedRegex(@"^(?:MAESTRO[\s_:-]*)?(?<layer>L[\s_-]*\d{1,2}|XL)\s*:\s*(?<name>\S.*)$", Options)]
    private static partial Regex MaestroThreat();

    [GeneratedRegex(@"^(?:(?:ASI|NHI|LLM|T|GV|GOVERN|MP|MAP|MS|MEASURE|MG|MANAGE|L)[_-]?\d+(?:[._-]\d+)*(?::\S*)?|MAESTRO[-_:]\S+|XL:\S+)$", Options)]
    private static partial Regex ControlLikeTag();

    [GeneratedRegex(@"^(?:GV|MP|MS|MG|L)(?=[\s_.-]*\d)", Options)]
    private static partial Regex ShortPrefix();
}
