using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AgentCompliance.Probes.Transport;

/// <summary>
/// The names a certificate is issued for (RFC 5280 §4.2.1.6). .NET lists DNS names and IP addresses but not URIs,
/// and SPIFFE identities are URI names, so the extension is read here with the BCL's ASN.1 reader.
/// </summary>
public sealed record SubjectAlternativeNames(IReadOnlyList<string> Uris, IReadOnlyList<string> DnsNames, IReadOnlyList<string> IpAddresses, int ExtensionCount)
{
    private const string Oid = "2.5.29.17";

    public static SubjectAlternativeNames Empty { get; } = new([], [], [], 0);

    /// <summary>The certificate's SANs; an undecodable extension is a <see cref="CryptographicException"/>.</summary>
    public static SubjectAlternativeNames Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var extensions = certificate.Extensions.Where(e => e.Oid?.Value == Oid).ToList();
        var uris = new List<string>();
        var dns = new List<string>();
        var ips = new List<string>();
        foreach (var extension in extensions)
        {
            try
            {
                var sequence = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
                while (sequence.HasData)
                {
                    var tag = sequence.PeekTag();
                    if (tag.TagClass != TagClass.ContextSpecific)
                    {
                        sequence.ReadEncodedValue();
                        continue;
                    }

                    switch (tag.TagValue)
                    {
                        case 2:
                            dns.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 2)));
                            break;
                        case 6:
                            uris.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6)));
                            break;
                        case 7:
                            ips.Add(new IPAddress(sequence.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 7))).ToString());
                            break;
                        default:
                            sequence.ReadEncodedValue();
                            break;
                    }
                }
            }
            catch (AsnContentException e)
            {
                throw new CryptographicException("the subject alternative name extension cannot be decoded", e);
            }
        }

        return new SubjectAlternativeNames(uris, dns, ips, extensions.Count);
    }

    /// <summary>All names, for messages: <c>URI:spiffe://…, DNS:host, IP:127.0.0.1</c>.</summary>
    public override string ToString()
    {
        var names = Uris.Select(u => $"URI:{u}").Concat(DnsNames.Select(d => $"DNS:{d}")).Concat(IpAddresses.Select(i => $"IP:{i}")).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }
}
