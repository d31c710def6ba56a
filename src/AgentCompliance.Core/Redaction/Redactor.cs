using System.Text.RegularExpressions;

namespace AgentCompliance.Core.Redaction;

/// <summary>
/// The one redaction pass everything goes through before it is stored, printed or written: every registered secret
/// value, plus anything shaped like a credential whether or not it was registered — JWTs, Authorization header values,
/// and the token and secret fields of OAuth JSON bodies and form posts.
/// </summary>
public sealed partial class Redactor(SecretRegistry secrets)
{
    /// <summary>What replaces a removed value.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>A redactor that knows no secret values and still removes credential-shaped text.</summary>
    public static Redactor PatternsOnly { get; } = new(new SecretRegistry());

    public SecretRegistry Secrets { get; } = secrets;

    /// <summary>The text with every secret and credential-shaped value replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var secret in Secrets.Secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = AuthorizationHeader().Replace(text, m => $"{m.Groups["name"].Value}{m.Groups["sep"].Value}{m.Groups["scheme"].Value}{Mask}");
        text = CookieHeader().Replace(text, m => $"{m.Groups["name"].Value}: {Mask}");
        text = SchemeCredential().Replace(text, m => $"{m.Groups["scheme"].Value} {Mask}");
        text = JsonSecretField().Replace(text, m => $"{m.Groups["key"].Value}\"{Mask}\"");
        text = FormSecretField().Replace(text, m => $"{m.Groups["key"].Value}={Mask}");
        text = JsonWebToken().Replace(text, Mask);
        return text;
    }

    /// <summary>Null stays null; see <see cref="Redact(string)"/>.</summary>
    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // The scheme ("Bearer ", "Basic ") is kept so a reader still sees how the client authenticated. The value must
    // look like a credential, so prose such as "authorization: not required" is left alone.
    [GeneratedRegex(@"(?<name>\b(?:Proxy-)?Authorization|\bX-Api-Key|\bApi-Key)(?<sep>\s*[:=]\s*)(?<scheme>[A-Za-z-]+ )?(?!\[REDACTED\])[A-Za-z0-9._~+/=:-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<name>\b(?:Set-)?Cookie):[ \t]*[^\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex CookieHeader();

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic|DPoP)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeCredential();

    [GeneratedRegex(@"(?<key>""(?:access_token|refresh_token|id_token|client_secret|client_assertion|subject_token|actor_token|token|password|api_key|apikey|secret|private_key|assertion)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretField();

    [GeneratedRegex(@"(?<key>(?<![A-Za-z0-9_])(?:access_token|refresh_token|id_token|client_secret|client_assertion|subject_token|actor_token|token|password|api_key|assertion))=(?!\[REDACTED\])[^&\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormSecretField();

    // A compact JWS or JWE: base64url header starting with '{"' (eyJ), then one or more dot-separated parts.
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){1,3}", RegexOptions.CultureInvariant)]
    private static partial Regex JsonWebToken();
}
