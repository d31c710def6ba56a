using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// An X.509-SVID carries exactly one URI SAN, and it is a valid SPIFFE ID with a path (X.509-SVID standard §2, §3.1,
/// §5.2): a second URI SAN makes authorization ambiguous, and validators must reject it.
/// </summary>
public static class X509SvidIdentityCheck
{
    /// <returns>The SPIFFE ID when there is exactly one valid one, and every problem found.</returns>
    public static (SpiffeId? Id, IReadOnlyList<string> Problems) Check(X509Certificate2 leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        SubjectAlternativeNames names;
        try
        {
            names = SubjectAlternativeNames.Of(leaf);
        }
        catch (CryptographicException e)
        {
            return (null, [$"its subject alternative names cannot be read ({e.Message})"]);
        }

        switch (names.Uris.Count)
        {
            case 0:
                return (null, ["it has no URI SAN, so it carries no SPIFFE ID"]);
            case > 1:
                return (null, [$"it has {names.Uris.Count} URI SANs ({string.Join(", ", names.Uris)}); an X.509-SVID must carry exactly one"]);
        }

        var uri = names.Uris[0];
        if (SpiffeId.TryParse(uri, out var problem) is not { } id)
        {
            return (null, [$"its URI SAN '{uri}' is not a valid SPIFFE ID: {problem}"]);
        }

        return id.HasPath
            ? (id, [])
            : (id, [$"its SPIFFE ID '{id}' has no path; only signing authorities may omit it, a workload's SVID must name the workload"]);
    }
}
