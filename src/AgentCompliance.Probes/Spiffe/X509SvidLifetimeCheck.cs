using System.Security.Cryptography.X509Certificates;
using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// An X.509-SVID is short-lived: notAfter − notBefore at most the bound, so a stolen key stops working soon and
/// rotation is routine (SPIRE issues one-hour SVIDs by default).
/// </summary>
public static class X509SvidLifetimeCheck
{
    public static IReadOnlyList<string> Check(X509Certificate2 leaf, TimeSpan maximum)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var validity = leaf.NotAfter.ToUniversalTime() - leaf.NotBefore.ToUniversalTime();
        return validity > maximum
            ? [$"it is valid for {CertificateFacts.Duration(validity)}, above {(long)maximum.TotalSeconds} s ({CertificateFacts.Timestamp(leaf.NotBefore)} to {CertificateFacts.Timestamp(leaf.NotAfter)})"]
            : [];
    }
}
