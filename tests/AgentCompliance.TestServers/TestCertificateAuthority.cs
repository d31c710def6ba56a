using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AgentCompliance.TestServers;

/// <summary>
/// A certificate authority that exists only for a test: it issues TLS server certificates for loopback and SPIFFE
/// X.509-SVIDs (URI SANs), good and deliberately bad (expired, long-lived, wrong host, two URI SANs, a CA as leaf).
/// Clients in tests trust exactly this CA through a custom trust store; nothing is installed on the machine.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private TestCertificateAuthority(X509Certificate2 certificate)
    {
        Certificate = certificate;
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificate in PEM, as a trust bundle file holds it.</summary>
    public string CertificatePem => Pem(Certificate);

    /// <summary>A self-signed CA valid from a year ago to a year ahead; a SPIFFE ID (no path) when it serves a trust domain.</summary>
    public static TestCertificateAuthority Create(string name, string? trustDomain = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (trustDomain is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddUri(new Uri($"spiffe://{trustDomain}"));
            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-365), now.AddDays(365));
        return new TestCertificateAuthority(Exportable(created));
    }

    /// <summary>A TLS server certificate for 127.0.0.1 (and the DNS names given), valid for a day unless dates are given.</summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<string>? dnsNames = null, bool forLoopbackAddress = true, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames ?? [])
        {
            names.AddDnsName(dns);
        }

        if (forLoopbackAddress)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }

        var now = DateTimeOffset.UtcNow;
        return Issue("CN=test server", names.Build(critical: false), notBefore ?? now.AddHours(-1), notAfter ?? now.AddDays(1), isCertificateAuthority: false, X509KeyUsageFlags.DigitalSignature);
    }

    /// <summary>An X.509-SVID with these URI SANs (one, for a proper SVID), valid from <paramref name="notBefore"/> for <paramref name="lifetime"/>.</summary>
    public X509Certificate2 IssueSvid(IEnumerable<string> uris, TimeSpan lifetime, DateTimeOffset? notBefore = null, bool isCertificateAuthority = false,
        X509KeyUsageFlags keyUsage = X509KeyUsageFlags.DigitalSignature)
    {
        ArgumentNullException.ThrowIfNull(uris);
        // Written as given: System.Uri would normalise them (lowercase host, trailing '/'), and tests need the exact text.
        var names = new AsnWriter(AsnEncodingRules.DER);
        using (names.PushSequence())
        {
            foreach (var uri in uris)
            {
                names.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6));
            }
        }

        var start = notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5);
        return Issue("CN=workload", new X509Extension("2.5.29.17", names.Encode(), false), start, start + lifetime, isCertificateAuthority, keyUsage);
    }

    private X509Certificate2 Issue(string subject, X509Extension names, DateTimeOffset notBefore, DateTimeOffset notAfter, bool isCertificateAuthority, X509KeyUsageFlags keyUsage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(names);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCertificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(keyUsage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return Exportable(withKey);
    }

    /// <summary>A certificate in PEM (public part only).</summary>
    public static string Pem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>The certificate's private key in PKCS#8 PEM.</summary>
    public static string PrivateKeyPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the certificate has no EC private key");
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    // A PKCS#12 round trip gives a certificate whose key TLS servers can use on every platform.
    private static X509Certificate2 Exportable(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);

    public void Dispose() => Certificate.Dispose();
}
