using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>Reads an X.509-SVID from a PEM file: the leaf first, then any intermediates (as SPIRE writes them).</summary>
public static class X509SvidFile
{
    /// <exception cref="Http.ProbeFailedException">Missing, unreadable, or without a certificate.</exception>
    public static X509Svid Read(string path)
    {
        var certificates = PemCertificates.Read(path, "X.509-SVID file");
        return new X509Svid(certificates[0], [.. certificates.Skip(1)], $"file {path}");
    }
}
