using System.Net;
using System.Net.Sockets;

namespace AgentCompliance.TestServers;

/// <summary>Free TCP ports on 127.0.0.1 for servers that cannot bind port 0 and report it back.</summary>
public static class LoopbackPort
{
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
