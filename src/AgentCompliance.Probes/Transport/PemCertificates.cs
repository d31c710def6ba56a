using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Transport;

/// <summary>Reads PEM certificate files (CA bundles, certificate chains); a bad file names itself, never its content.</summary>
public static class PemCertificates
{
    /// <summary>Largest PEM file read: a CA bundle or chain is a few kilobytes; anything far larger is not one.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages, e.g. "trusted CA file".</param>
    /// <exception cref="ProbeFailedException">Missing, unreadable, too large, or without a certificate.</exception>
    public static X509Certificate2Collection Read(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ProbeFailedException($"the {what} {path} does not exist");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new ProbeFailedException($"the {what} {path} is larger than {MaxFileBytes / 1024} KB; it is not a PEM certificate file");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProbeFailedException($"the {what} {path} cannot be read ({e.GetType().Name})");
        }

        return Parse(text, $"the {what} {path}");
    }

    /// <summary>The certificates of PEM text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="ProbeFailedException">No certificate, or one that cannot be decoded.</exception>
    public static X509Certificate2Collection Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(text);
        }
        catch (CryptographicException e)
        {
            throw new ProbeFailedException($"{source} holds a certificate that cannot be decoded ({e.Message.TrimEnd('.')})");
        }

        return certificates.Count == 0
            ? throw new ProbeFailedException($"{source} holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
            : certificates;
    }
}
