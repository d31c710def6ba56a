using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Checks that an MCP server refuses clients without a valid token the way the MCP authorization specification
/// asks: 401 with a <c>WWW-Authenticate: Bearer</c> challenge whose <c>resource_metadata</c> names the RFC 9728
/// metadata, both for a request without a token and for one with a forged token (a server that only checks that a
/// token is present would accept it).
/// </summary>
public static class AuthenticationRequiredProbe
{
    /// <summary>A well-formed JWT no issuer signed; a server that validates tokens must refuse it.</summary>
    public const string ForgedToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJhZ2VudGNvbXBsaWFuY2UtcHJvYmUiLCJleHAiOjQxMDI0NDQ4MDB9.Zm9yZ2VkLXNpZ25hdHVyZQ";

    public static async Task<McpProbeResult> ProbeAsync(ProbeHttpClient http, McpServerTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var violations = new List<string>();
        var observations = new List<string>();
        var what = target.Transport == Core.Configuration.McpTransport.Sse ? "SSE stream request" : "initialize request";

        var anonymous = await McpHandshakeRequest.SendAsync(http, target, [], cancellationToken).ConfigureAwait(false);
        Judge(anonymous, $"an unauthenticated {what}", target.Describe(), violations, observations);

        var forged = await McpHandshakeRequest.SendAsync(http, target, [ProbeRequest.BearerAuthorization(ForgedToken)], cancellationToken).ConfigureAwait(false);
        Judge(forged, $"an {what} with a forged bearer token", target.Describe(), violations, observations);
        return new McpProbeResult(violations, observations);
    }

    private static void Judge(ProbeResponse response, string request, string server, List<string> violations, List<string> observations)
    {
        if (response.IsSuccess)
        {
            violations.Add($"{server} accepted {request} with {response.Status}: anyone who can reach it can list and call its tools");
            return;
        }

        if (response.Status != 401)
        {
            violations.Add($"{server} answered {request} with {response.Status}, not 401 with a Bearer challenge, so clients cannot discover how to authenticate");
            return;
        }

        var challenge = response.Headers.TryGetValue("WWW-Authenticate", out var values) ? BearerChallenge.Find(values) : null;
        if (challenge is null)
        {
            violations.Add($"{server} answered {request} with 401 but without a 'WWW-Authenticate: Bearer' challenge");
        }
        else if (string.IsNullOrEmpty(challenge.ResourceMetadata))
        {
            violations.Add($"{server} answered {request} with a Bearer challenge that has no resource_metadata parameter (RFC 9728 §5.1), so clients cannot find its authorization server");
        }
        else
        {
            observations.Add($"{request}: 401 with Bearer challenge, resource_metadata={challenge.ResourceMetadata}");
        }
    }
}
