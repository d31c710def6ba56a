using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace AgentCompliance.TestServers;

/// <summary>
/// A real HTTPS endpoint (Kestrel) on a free 127.0.0.1 port with a certificate and TLS versions chosen by the test —
/// a good one, an expired one, one for the wrong host, one from an untrusted CA, one that speaks only TLS 1.2 — and,
/// for mTLS, a client certificate requirement validated against the test's own CA.
/// </summary>
public sealed class TlsTestServer : IAsyncDisposable
{
    private readonly LoopbackWebHost _host;

    private TlsTestServer(LoopbackWebHost host)
    {
        _host = host;
    }

    /// <summary>https://127.0.0.1:port/</summary>
    public Uri BaseUrl => _host.BaseUrl;

    /// <param name="certificate">The server certificate, with its private key.</param>
    /// <param name="protocols">TLS versions offered; <see cref="SslProtocols.None"/> lets the system choose (TLS 1.2 and 1.3).</param>
    /// <param name="requireClientCertificateFrom">When set, a client certificate issued by this CA is required.</param>
    public static async Task<TlsTestServer> StartAsync(X509Certificate2 certificate, SslProtocols protocols = SslProtocols.None, X509Certificate2? requireClientCertificateFrom = null)
    {
        var host = await LoopbackWebHost.StartHttpsAsync(
            app => app.Run(context => context.Response.WriteAsync("""{"ok":true}""")),
            certificate,
            https =>
            {
                https.SslProtocols = protocols;
                if (requireClientCertificateFrom is { } clientCa)
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.ClientCertificateValidation = (client, _, _) => IssuedBy(client, clientCa);
                }
            }).ConfigureAwait(false);
        return new TlsTestServer(host);
    }

    // Validates the client's chain against exactly one CA: the test's, never the machine's roots.
    private static bool IssuedBy(X509Certificate2 client, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(client);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
