using System.Security.Cryptography.X509Certificates;

namespace AgentCompliance.Probes.Transport;

/// <summary>X.509 chain status flags as reasons an assessor understands: expired, untrusted issuer, bad signature.</summary>
public static class ChainProblems
{
    /// <param name="certificate">The certificate the chain was built for (its dates and issuer go into the reasons).</param>
    /// <param name="status">The chain's status flags; empty means the chain is valid.</param>
    /// <param name="trustedRoots">What the chain was built to, for the "untrusted" reason, e.g. "the SPIFFE trust bundle".</param>
    public static IReadOnlyList<string> Describe(X509Certificate2 certificate, IEnumerable<X509ChainStatusFlags> status, string trustedRoots)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(status);
        var flags = status.Aggregate(X509ChainStatusFlags.NoError, (all, flag) => all | flag);
        var problems = new List<string>();
        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            problems.Add(certificate.NotAfter.ToUniversalTime() < DateTime.UtcNow
                ? $"the certificate expired on {CertificateFacts.Timestamp(certificate.NotAfter)}"
                : certificate.NotBefore.ToUniversalTime() > DateTime.UtcNow
                    ? $"the certificate is not valid before {CertificateFacts.Timestamp(certificate.NotBefore)}"
                    : "a certificate in the chain is outside its validity period");
        }

        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            problems.Add($"the certificate does not chain to {trustedRoots} (issuer: {certificate.Issuer})");
        }

        if (flags.HasFlag(X509ChainStatusFlags.NotSignatureValid))
        {
            problems.Add("a signature in the certificate chain is invalid");
        }

        if (flags.HasFlag(X509ChainStatusFlags.Revoked))
        {
            problems.Add("the certificate has been revoked");
        }

        var described = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain
            | X509ChainStatusFlags.NotSignatureValid | X509ChainStatusFlags.Revoked;
        var rest = flags & ~described;
        if (rest != X509ChainStatusFlags.NoError)
        {
            problems.Add($"the certificate chain is invalid ({rest})");
        }

        return problems;
    }
}
