using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Checks that an MCP server validates the Origin and Host headers, as the MCP transport specification requires
/// against DNS rebinding: a page on another site that rebinds its name to the server's address makes the browser send
/// that site's Origin and Host. First the same request without them must be accepted (otherwise a refusal proves
/// nothing, and the control cannot be verified); then each foreign header must be refused with a 4xx status.
/// </summary>
public static class DnsRebindingProbe
{
    public static async Task<McpProbeResult> ProbeAsync(ProbeHttpClient http, McpServerTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var server = target.Describe();
        List<KeyValuePair<string, string>> credentials = target.BearerToken is null ? [] : [ProbeRequest.BearerAuthorization(target.BearerToken)];

        var baseline = await McpHandshakeRequest.SendAsync(http, target, credentials, cancellationToken).ConfigureAwait(false);
        if (!baseline.IsSuccess)
        {
            throw new ProbeFailedException($"{server} refused the plain handshake with {baseline.Status}, so a refusal of foreign Origin or Host headers would prove nothing"
                + (baseline.Status == 401 && target.BearerToken is null ? " (name the agent whose token to use under the server's 'agent' in the profile)" : string.Empty));
        }

        var violations = new List<string>();
        var observations = new List<string> { $"handshake without Origin: {baseline.Status}" };
        var cases = new (string Header, string Value, string Risk)[]
        {
            ("Origin", ForeignRequestHeaders.Origin, "a web page on another site can drive it through a visitor's browser"),
            ("Host", ForeignRequestHeaders.Host(target.Url), "a DNS-rebinding page can reach it under a foreign host name"),
        };
        foreach (var (header, value, risk) in cases)
        {
            var response = await McpHandshakeRequest.SendAsync(http, target, [.. credentials, new(header, value)], cancellationToken).ConfigureAwait(false);
            if (response.Status is >= 400 and < 500)
            {
                observations.Add($"{header}: {value} → refused with {response.Status}");
            }
            else
            {
                violations.Add($"{server} accepted a request with the foreign header '{header}: {value}' ({response.Status}): {risk}");
            }
        }

        return new McpProbeResult(violations, observations);
    }
}
