using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Gateway;

/// <summary>
/// Calls tools through the agent gateway as an agent would: <c>POST</c> to the gateway's tool path with the agent's
/// bearer token and an empty argument object. The probe only observes; whether the answer is right is for the caller
/// to judge (a 403 is the expected answer for a tool outside an agent's allow-list).
/// </summary>
public sealed class GatewayToolProbe(ProbeHttpClient http, AgentGatewayEndpoint gateway, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The URL a tool is called at.</summary>
    public Uri ToolUrl(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        ArgumentNullException.ThrowIfNull(gateway);
        var baseUrl = gateway.BaseUrl.AbsolutePath.EndsWith('/') ? gateway.BaseUrl : new Uri(gateway.BaseUrl + "/");
        var url = new Uri(baseUrl, gateway.ToolPath.Replace("{tool}", Uri.EscapeDataString(tool), StringComparison.Ordinal));
        // The profile schema keeps the path relative; this holds even for a profile built in code.
        return TransportRules.SameOrigin(url, baseUrl)
            ? url
            : throw new ProbeFailedException($"the gateway's tool path '{gateway.ToolPath}' leaves the gateway's origin; no token is sent there");
    }

    /// <summary>Calls <paramref name="tool"/> with <paramref name="accessToken"/> (none when null) on behalf of <paramref name="agent"/>.</summary>
    /// <exception cref="ProbeFailedException">The gateway could not be reached or did not answer in time.</exception>
    public async Task<GatewayToolCall> CallAsync(string? agent, string tool, string? accessToken, CancellationToken cancellationToken = default)
    {
        var request = ProbeRequest.PostJson(ToolUrl(tool), """{"arguments":{}}""").WithHeader("Accept", "application/json");
        if (accessToken is not null)
        {
            var authorization = ProbeRequest.BearerAuthorization(accessToken);
            request = request.WithHeader(authorization.Key, authorization.Value);
        }

        var startedAt = _clock.GetUtcNow();
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return new GatewayToolCall(agent, tool, startedAt, response, response.Header(gateway.CorrelationHeader));
    }
}
