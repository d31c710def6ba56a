using System.Security.Cryptography.X509Certificates;
using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// An X.509-SVID chains to an X.509 authority of the trust domain's bundle (RFC 5280 path validation with the bundle
/// as the only trust anchors, never the system's roots) and is within its validity period now.
/// </summary>
public static class X509SvidChainCheck
{
    public static IReadOnlyList<string> Check(X509Svid svid, IReadOnlyList<X509Certificate2> authorities, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(svid);
        ArgumentNullException.ThrowIfNull(authorities);
        if (authorities.Count == 0)
        {
            return ["the trust bundle holds no X.509 authority, so no X.509-SVID can be verified"];
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(svid.Intermediates.ToArray());
        // SPIFFE relies on short lifetimes instead of revocation lists, which SVID issuers do not publish.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        return chain.Build(svid.Leaf) ? [] : ChainProblems.Describe(svid.Leaf, chain.ChainStatus.Select(s => s.Status), "the SPIFFE trust bundle");
    }
}
