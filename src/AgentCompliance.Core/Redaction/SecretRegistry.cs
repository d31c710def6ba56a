using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentCompliance.Core.Redaction;

/// <summary>
/// Every secret value a run has seen: client secrets read from the environment or files, and tokens the probes were
/// issued. The <see cref="Redactor"/> removes each of them from anything written. Thread-safe, as parallel scenarios
/// register tokens concurrently.
/// </summary>
public sealed class SecretRegistry
{
    /// <summary>Values shorter than this are not treated as secrets: redacting "ab" everywhere would shred reports.</summary>
    public const int MinimumSecretLength = 6;

    private readonly Lock _gate = new();
    private string[] _secrets = [];

    /// <summary>The known secrets, longest first so a secret containing another is removed whole.</summary>
    public IReadOnlyList<string> Secrets
    {
        get
        {
            lock (_gate)
            {
                return _secrets;
            }
        }
    }

    /// <summary>
    /// Remembers a secret and the forms it takes when a server echoes it back: URL-encoded (as in a form post or the
    /// decoded user:password of a Basic header) and JSON-escaped. Null, short and already known values are ignored.
    /// </summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            return;
        }

        var forms = EncodedForms(secret);
        lock (_gate)
        {
            var added = forms.Where(f => Array.IndexOf(_secrets, f) < 0).ToList();
            if (added.Count == 0)
            {
                return;
            }

            _secrets = [.. _secrets.Concat(added).OrderByDescending(s => s.Length)];
        }
    }

    private static HashSet<string> EncodedForms(string secret) =>
        new(StringComparer.Ordinal)
        {
            secret,
            Uri.EscapeDataString(secret),
            System.Net.WebUtility.UrlEncode(secret),
            JsonEncodedText.Encode(secret).ToString(),
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        };
}
