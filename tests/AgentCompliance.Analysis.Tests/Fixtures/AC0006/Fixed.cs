using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

public static class PeerAgentClient
{
    public static HttpClient Create() => new HttpClient(new HttpClientHandler());

    // Pins the peer's certificate instead of trusting anything.
    public static SslClientAuthenticationOptions Options(string expectedThumbprint) => new SslClientAuthenticationOptions
    {
        TargetHost = "planner-agent.internal",
        RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            errors == SslPolicyErrors.None && certificate is X509Certificate2 peer && peer.Thumbprint == expectedThumbprint,
    };
}
