using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace AgentCompliance.Probes.Transport;

/// <summary>
/// What an assessor needs to see of a certificate, as evidence text: who it names, who issued it, when it is valid,
/// what it may be used for. Public data only; private keys are never read.
/// </summary>
public static class CertificateFacts
{
    /// <summary>One fact per line.</summary>
    public static string Describe(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var text = new StringBuilder();
        text.Append("Subject: ").AppendLine(Or(certificate.Subject, "(empty)"));
        text.Append("Issuer: ").AppendLine(Or(certificate.Issuer, "(empty)"));
        text.Append("Serial number: ").AppendLine(certificate.SerialNumber);
        text.Append("Valid from: ").AppendLine(Timestamp(certificate.NotBefore));
        text.Append("Valid until: ").AppendLine(Timestamp(certificate.NotAfter));
        text.Append("Validity period: ").AppendLine(Duration(certificate.NotAfter - certificate.NotBefore));
        text.Append("Subject alternative names: ").AppendLine(Names(certificate));
        var basic = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        text.Append("basicConstraints: ").AppendLine(basic is null ? "(absent)" : basic.CertificateAuthority ? "CA" : "not a CA");
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        text.Append("Key usage: ").AppendLine(usage is null ? "(absent)" : $"{usage.KeyUsages}{(usage.Critical ? " (critical)" : string.Empty)}");
        var extended = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        text.Append("Extended key usage: ").AppendLine(extended is null ? "(absent)" : string.Join(", ", extended.EnhancedKeyUsages.Cast<Oid>().Select(o => o.FriendlyName ?? o.Value)));
        text.Append("Public key: ").AppendLine(certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value);
        text.Append("SHA-256 fingerprint: ").Append(certificate.GetCertHashString(HashAlgorithmName.SHA256));
        return text.ToString();
    }

    /// <summary>A period in seconds with a readable unit, e.g. <c>2592000 s (30 days)</c>.</summary>
    public static string Duration(TimeSpan period)
    {
        var seconds = (long)period.TotalSeconds;
        return period.TotalDays >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{seconds} s ({period.TotalDays:0.#} days)")
            : period.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{seconds} s ({period.TotalHours:0.#} hours)")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds} s ({period.TotalMinutes:0.#} minutes)");
    }

    /// <summary>A certificate time in UTC, ISO 8601.</summary>
    public static string Timestamp(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Names(X509Certificate2 certificate)
    {
        try
        {
            return SubjectAlternativeNames.Of(certificate).ToString();
        }
        catch (CryptographicException e)
        {
            return $"(undecodable: {e.Message})";
        }
    }

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}
