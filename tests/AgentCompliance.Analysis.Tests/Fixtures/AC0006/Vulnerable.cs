using System.Net.Http;
using System.Net.Security;

public static class PeerAgentClient
{
    public static HttpClient Create()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true, // expect: AC0006
        };
        return new HttpClient(handler);
    }

    public static HttpClient CreateDangerous() =>
        new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator }); // expect: AC0006

    public static SslClientAuthenticationOptions Options() => new SslClientAuthenticationOptions
    {
        TargetHost = "planner-agent.internal",
        RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => // expect: AC0006
        {
            return true;
        },
    };
}
