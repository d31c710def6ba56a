using System.Globalization;

namespace AgentCompliance.Tests;

/// <summary>
/// The waiver file a local test deployment over plain http on loopback needs: it has no TLS, so the TLS scenarios
/// fail, and the hardened runs waive exactly those (valid for 30 days from today) to show every other control passes
/// with the gate green. Linked into the test projects that run live scenarios against such deployments.
/// </summary>
internal static class LoopbackTlsWaivers
{
    public const string TokenEndpointScenario = "Token endpoints are served over TLS";

    public const string HttpsEndpointsScenario = "Every endpoint is reached over https";

    /// <summary>Writes <c>waivers.yaml</c> into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder)
    {
        var expires = DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, "waivers.yaml");
        File.WriteAllText(path, $"""
            version: 1
            waivers:
              - scenario: "Workload identity and just-in-time agent credentials/{TokenEndpointScenario}"
                justification: Local test deployment served over plain http on loopback
                owner: test-suite
                expires: {expires}
              - scenario: "Transport security of the deployment's endpoints/{HttpsEndpointsScenario}"
                justification: Local test deployment served over plain http on loopback
                owner: test-suite
                expires: {expires}
            """);
        return path;
    }
}
