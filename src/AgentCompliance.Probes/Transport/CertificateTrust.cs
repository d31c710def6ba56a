using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Transport;

/// <summary>
/// Which server certificates the harness accepts: those the system trusts, plus those that chain to the profile's
/// private CA roots (<c>transport.trustedCaFile</c>). The host name must always match and the certificate must be
/// within its validity period; there is no way to accept anything else, so validation is never switched off.
/// </summary>
public sealed class CertificateTrust
{
    private readonly X509Certificate2Collection _privateRoots;

    public CertificateTrust(X509Certificate2Collection privateRoots)
    {
        ArgumentNullException.ThrowIfNull(privateRoots);
        _privateRoots = [.. privateRoots];
    }

    /// <summary>The system's roots only.</summary>
    public static CertificateTrust System { get; } = new([]);

    /// <summary>The extra roots trusted besides the system's.</summary>
    public IReadOnlyList<X509Certificate2> PrivateRoots => [.. _privateRoots];

    /// <summary>System roots plus the CA certificates of a PEM file.</summary>
    /// <exception cref="ProbeFailedException">The file cannot be read or holds no certificate.</exception>
    public static CertificateTrust FromPemFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var roots = PemCertificates.Read(path, "trusted CA file");
        return new CertificateTrust(roots);
    }

    /// <summary>
    /// Why the certificate a server presented for <paramref name="host"/> is not accepted, one reason per entry; empty
    /// when it is. <paramref name="errors"/> and <paramref name="chain"/> are what the TLS stack computed against the
    /// system's roots; with private roots a failed system chain is rebuilt against them.
    /// </summary>
    public IReadOnlyList<string> Problems(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors, string host)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return ["the server presented no certificate"];
        }

        var problems = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problems.Add($"the certificate is not valid for the host '{host}' (it names {Names(certificate)})");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var status = _privateRoots.Count > 0
                ? BuildWithPrivateRoots(certificate, chain?.ChainPolicy.ExtraStore)
                : chain?.ChainStatus.Select(s => s.Status).ToList() ?? [X509ChainStatusFlags.PartialChain];
            problems.AddRange(ChainProblems.Describe(certificate, status, _privateRoots.Count > 0 ? "the system's roots or transport.trustedCaFile" : "the system's roots"));
        }

        return problems;
    }

    /// <summary>Chain status of <paramref name="certificate"/> built to the private roots only.</summary>
    private List<X509ChainStatusFlags> BuildWithPrivateRoots(X509Certificate2 certificate, X509Certificate2Collection? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_privateRoots);
        // As for TLS in .NET by default: revocation is not checked (private CAs rarely publish CRLs to loopback).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented);
        }

        return chain.Build(certificate) ? [] : [.. chain.ChainStatus.Select(s => s.Status)];
    }

    private static string Names(X509Certificate2 certificate)
    {
        try
        {
            return SubjectAlternativeNames.Of(certificate) is { ExtensionCount: > 0 } names ? names.ToString() : $"no alternative names; subject {certificate.Subject}";
        }
        catch (CryptographicException)
        {
            return "an undecodable alternative name list";
        }
    }
}
