using System.Net;
using System.Net.Sockets;

namespace AgentCompliance.ReferencePlatform.Hosting;

/// <summary>
/// Free TCP ports, chosen before the components start: the token service must know the resource URLs and the resource
/// servers the issuer URL before either listens.
/// </summary>
internal static class FreePort
{
    public static int Or(int port, string bindAddress)
    {
        if (port != 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Parse(bindAddress), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
