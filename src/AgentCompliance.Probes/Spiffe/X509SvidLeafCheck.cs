using System.Security.Cryptography.X509Certificates;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// An X.509-SVID that identifies a workload is a leaf for signatures (X.509-SVID standard §4.1, §4.3, §5.2): not a CA,
/// a critical key usage with digitalSignature, and neither keyCertSign nor cRLSign — else its holder could mint
/// identities for other workloads.
/// </summary>
public static class X509SvidLeafCheck
{
    public static IReadOnlyList<string> Check(X509Certificate2 leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var problems = new List<string>();
        if (leaf.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true })
        {
            problems.Add("it is a CA certificate (basicConstraints cA=true); a workload's SVID must be a leaf");
        }

        var usage = leaf.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is null)
        {
            problems.Add("it has no key usage extension; an X.509-SVID must set one, critical, with digitalSignature");
            return problems;
        }

        if (!usage.Critical)
        {
            problems.Add("its key usage extension is not marked critical");
        }

        if (!usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature))
        {
            problems.Add($"its key usage ({usage.KeyUsages}) lacks digitalSignature");
        }

        if ((usage.KeyUsages & (X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)) != 0)
        {
            problems.Add($"its key usage ({usage.KeyUsages}) allows signing certificates or CRLs (keyCertSign/cRLSign)");
        }

        return problems;
    }
}
