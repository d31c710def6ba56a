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

    /// <summary>Remembers a secret; null, short and already known values are ignored.</summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            if (Array.IndexOf(_secrets, secret) >= 0)
            {
                return;
            }

            _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
        }
    }
}
