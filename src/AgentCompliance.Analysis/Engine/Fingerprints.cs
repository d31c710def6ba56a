using System.Security.Cryptography;
using System.Text;

namespace AgentCompliance.Analysis.Engine;

/// <summary>
/// Stable finding identity for SARIF <c>partialFingerprints</c>: the rule, the file, the enclosing type and member,
/// the flagged text (whitespace collapsed, string contents masked so no secret is hashed) and its occurrence number
/// among identical ones, so edits elsewhere in the file do not change it.
/// </summary>
internal static partial class Fingerprints
{
    public const string Key = "agentCompliance/v1";

    /// <summary>The text that identifies a finding within its file: its context and its masked, whitespace-collapsed text.</summary>
    public static string Identity(string context, string flaggedText)
    {
        var masked = StringContents().Replace(flaggedText, "\"…\"");
        return context + "\n" + string.Join(' ', masked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Compute(string ruleId, string relativePath, string identity, int occurrence)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{relativePath}\n{identity}\n{occurrence}"));
        return Convert.ToHexStringLower(bytes)[..32];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial System.Text.RegularExpressions.Regex StringContents();
}
