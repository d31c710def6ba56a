using System.Xml.Linq;

public static class PeerAgents
{
    public static readonly Uri Planner = new("https://planner-agent.internal:8443/a2a");

    public static HttpClient Executor(string region) =>
        new HttpClient { BaseAddress = new Uri($"https://executor.{region}.agents.example.com/") };

    public static string LocalDashboard() => "http://localhost:5000";

    public static string Sidecar() => "http://127.0.0.1:3500/v1.0/invoke";

    public static XNamespace Soap => "http://schemas.xmlsoap.org/soap/envelope/";
}
