using System.Security.Authentication;

namespace AgentCompliance.Probes.Transport;

/// <summary>TLS protocol versions as scenarios write them ("1.2") and as the TLS stack reports them.</summary>
public static class TlsVersions
{
#pragma warning disable SYSLIB0039, CS0618 // The old versions are named here only to be reported as too old.
    private static readonly (SslProtocols Protocol, string Version)[] Known =
    [
        (SslProtocols.Ssl2, "SSL 2.0"),
        (SslProtocols.Ssl3, "SSL 3.0"),
        (SslProtocols.Tls, "TLS 1.0"),
        (SslProtocols.Tls11, "TLS 1.1"),
        (SslProtocols.Tls12, "TLS 1.2"),
        (SslProtocols.Tls13, "TLS 1.3"),
    ];
#pragma warning restore SYSLIB0039, CS0618

    /// <summary>The protocol for "1.2" or "TLS 1.2"; only TLS 1.2 and 1.3 are acceptable minimums.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static SslProtocols Parse(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var text = version.Trim();
        text = text.StartsWith("TLS", StringComparison.OrdinalIgnoreCase) ? text[3..].Trim() : text;
        return text switch
        {
            "1.2" => SslProtocols.Tls12,
            "1.3" => SslProtocols.Tls13,
            _ => throw new ArgumentException($"'{version}' is not a TLS version a deployment may require; use 1.2 or 1.3", nameof(version)),
        };
    }

    /// <summary>Orders versions: SSL 2 lowest, TLS 1.3 highest; unknown (none) below all.</summary>
    public static int Rank(SslProtocols protocol) => Array.FindIndex(Known, k => k.Protocol == protocol);

    public static string Name(SslProtocols protocol) =>
        Known.FirstOrDefault(k => k.Protocol == protocol).Version ?? (protocol == SslProtocols.None ? "unknown" : protocol.ToString());
}
