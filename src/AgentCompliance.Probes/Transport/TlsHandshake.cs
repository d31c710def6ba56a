using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace AgentCompliance.Probes.Transport;

/// <summary>
/// What one TLS handshake showed: the protocol version and cipher suite the server chose, the certificate it
/// presented, and why that certificate was refused (empty when it was accepted and the handshake completed).
/// </summary>
public sealed record TlsHandshake
{
    /// <summary>host:port.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The negotiated version; known even when the certificate is refused afterwards.</summary>
    public SslProtocols Protocol { get; init; }

    public TlsCipherSuite? CipherSuite { get; init; }

    public X509Certificate2? Certificate { get; init; }

    public IReadOnlyList<string> CertificateProblems { get; init; } = [];

    /// <summary>True when the certificate was accepted and the handshake completed.</summary>
    public bool Completed { get; init; }

    /// <summary>The protocol version as people write it, e.g. <c>TLS 1.3</c>.</summary>
    public string ProtocolName => TlsVersions.Name(Protocol);
}
