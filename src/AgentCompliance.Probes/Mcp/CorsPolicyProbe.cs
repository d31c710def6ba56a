using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Checks an MCP server's CORS answers to a foreign origin, on a preflight and on the handshake itself: allowing any
/// origin (<c>*</c>), reflecting whatever origin asks, or allowing the opaque <c>null</c> origin lets any web page read
/// its responses through a visitor's browser — with <c>Access-Control-Allow-Credentials: true</c>, with the visitor's
/// credentials.
/// </summary>
public static class CorsPolicyProbe
{
    public static async Task<McpProbeResult> ProbeAsync(ProbeHttpClient http, McpServerTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var server = target.Describe();
        var violations = new List<string>();
        var observations = new List<string>();

        var preflight = await http.SendAsync(new ProbeRequest
        {
            Method = HttpMethod.Options,
            Url = target.Url,
            Headers =
            [
                new("Origin", ForeignRequestHeaders.Origin),
                new("Access-Control-Request-Method", target.Transport == Core.Configuration.McpTransport.Sse ? "GET" : "POST"),
                new("Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version, mcp-session-id"),
            ],
        }, cancellationToken).ConfigureAwait(false);
        Judge(preflight, "a CORS preflight", server, violations, observations);

        List<KeyValuePair<string, string>> headers = [new("Origin", ForeignRequestHeaders.Origin)];
        if (target.BearerToken is not null)
        {
            headers.Add(ProbeRequest.BearerAuthorization(target.BearerToken));
        }

        var handshake = await McpHandshakeRequest.SendAsync(http, target, headers, cancellationToken).ConfigureAwait(false);
        Judge(handshake, "the handshake", server, violations, observations);
        return new McpProbeResult(violations, observations);
    }

    private static void Judge(ProbeResponse response, string request, string server, List<string> violations, List<string> observations)
    {
        var allowOrigin = response.Header("Access-Control-Allow-Origin")?.Trim();
        var credentials = string.Equals(response.Header("Access-Control-Allow-Credentials")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var withCredentials = credentials ? " together with Access-Control-Allow-Credentials: true" : string.Empty;
        var answer = $"answers {request} from origin {ForeignRequestHeaders.Origin}";
        switch (allowOrigin)
        {
            case null or "":
                observations.Add($"{request} from {ForeignRequestHeaders.Origin}: {response.Status}, no Access-Control-Allow-Origin");
                break;
            case "*":
                violations.Add($"{server} {answer} with Access-Control-Allow-Origin: *{withCredentials}: any web page can read its responses");
                break;
            case "null":
                violations.Add($"{server} {answer} with Access-Control-Allow-Origin: null{withCredentials}: sandboxed pages of any site can read its responses");
                break;
            default:
                if (string.Equals(allowOrigin, ForeignRequestHeaders.Origin, StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"{server} {answer} by reflecting that origin in Access-Control-Allow-Origin{withCredentials}: it allows any origin that asks");
                }
                else
                {
                    observations.Add($"{request} from {ForeignRequestHeaders.Origin}: Access-Control-Allow-Origin: {allowOrigin} (a fixed origin)");
                }

                break;
        }
    }
}
