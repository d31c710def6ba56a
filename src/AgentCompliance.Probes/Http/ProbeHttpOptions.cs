using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Probes.Http;

/// <summary>The bounds every request a probe sends is held to.</summary>
public sealed record ProbeHttpOptions
{
    /// <summary>Longest a request may take, from sending to the last byte of the (capped) body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest response body read; the rest is discarded and the response marked truncated.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest request or response body kept in evidence (after redaction).</summary>
    public int MaxEvidenceBodyChars { get; init; } = 4096;

    /// <summary>Plain http:// is accepted for loopback hosts only when this is set (local test deployments).</summary>
    public bool AllowInsecureLoopback { get; init; }

    /// <summary>Same-origin redirects followed before giving up; redirects to another origin are never followed.</summary>
    public int MaxRedirects { get; init; } = 3;

    /// <summary>Which server certificates are accepted: the system's roots, plus private CA roots when the profile names them.</summary>
    public CertificateTrust Trust { get; init; } = CertificateTrust.System;
}
