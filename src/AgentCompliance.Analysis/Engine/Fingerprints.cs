using System.Security.Cryptography;
using System.Text;

namespace AgentCompliance.Analysis.Engine;

/// <summary>
/// Stable finding identity for SARIF <c>partialFingerprints</c>: the rule, the file, the flagged text (whitespace
/// collapsed) and its occurrence number among identical ones, so edits elsewhere in the file do not change it.
/// </summary>
internal static class Fingerprints
{
    public const string Key = "agentCompliance/v1";

    public static string Compute(string ruleId, string relativePath, string flaggedText, int occurrence)
    {
        var normalized = string.Join(' ', flaggedText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{relativePath}\n{normalized}\n{occurrence}"));
        return Convert.ToHexStringLower(bytes)[..32];
    }
}
