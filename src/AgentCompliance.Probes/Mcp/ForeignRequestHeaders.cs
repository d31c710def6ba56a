namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// The Origin and Host a DNS-rebinding page would make a browser send. They use the reserved <c>.invalid</c> top-level
/// domain (RFC 2606), which never resolves: they are header values only, the connection still goes to the server's own
/// address.
/// </summary>
public static class ForeignRequestHeaders
{
    public const string Origin = "http://rebinding-probe.invalid";

    public const string HostName = "rebinding-probe.invalid";

    /// <summary>A Host header naming the foreign host on the server's port, as a rebound browser sends it.</summary>
    public static string Host(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return $"{HostName}:{server.Port}";
    }
}
