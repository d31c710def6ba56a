using System.Xml.Linq;

public static class PeerAgents
{
    public static readonly Uri Planner = new("http://planner-agent.internal:8080/a2a"); // expect: AC0016

    public static HttpClient Executor(string region) =>
        new HttpClient { BaseAddress = new Uri($"http://executor.{region}.agents.example.com/") }; // expect: AC0016

    public static string Listen() => "http://0.0.0.0:5000"; // expect: AC0016

    public static Uri Peer(string peer) => new($"http://{peer}/a2a"); // expect: AC0016

    public static XNamespace Soap => "http://schemas.xmlsoap.org/soap/envelope/";
}
