using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Gateway;

/// <summary>One tool call a probe sent through the agent gateway, and how the gateway answered.</summary>
/// <param name="Agent">The profile name of the calling agent, or null for an anonymous or forged call.</param>
/// <param name="Tool">The tool called.</param>
/// <param name="StartedAt">When the call was sent (the probe's clock).</param>
/// <param name="Response">The gateway's answer.</param>
/// <param name="CorrelationId">The correlation id the gateway returned in its correlation header, if any.</param>
public sealed record GatewayToolCall(string? Agent, string Tool, DateTimeOffset StartedAt, ProbeResponse Response, string? CorrelationId)
{
    public int Status => Response.Status;

    /// <summary>401 or 403: the gateway refused the call.</summary>
    public bool WasRefused => Status is 401 or 403;

    /// <summary>403: the caller was known and the policy said no.</summary>
    public bool WasForbidden => Status == 403;

    /// <summary>Neither refused nor failed: the gateway let the call through to the tool.</summary>
    public bool WasLetThrough => !WasRefused && Status < 500;
}
