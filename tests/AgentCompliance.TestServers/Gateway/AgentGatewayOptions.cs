namespace AgentCompliance.TestServers.Gateway;

/// <summary>
/// How the test gateway behaves. <see cref="Hardened"/> asks the policy decision point on every call, audits calls and
/// denials with correlation ids and reasons; <see cref="Weak"/> skips the policy decision point, leaves denials
/// unaudited, drops correlation ids and writes the caller's bearer token into its events.
/// </summary>
public sealed record AgentGatewayOptions
{
    /// <summary>The issuer whose JWKS validates access tokens (no trailing slash, as in tokens).</summary>
    public required string Issuer { get; init; }

    /// <summary>The port to listen on; the gateway's base URL is also the audience its tokens must carry.</summary>
    public required int Port { get; init; }

    /// <summary>The JSON-lines file audit events are appended to.</summary>
    public required string AuditFile { get; init; }

    /// <summary>The Cerbos decision point asked for every call; null lets every call to a known tool through.</summary>
    public Uri? PolicyDecisionPoint { get; init; }

    /// <summary>Denied calls are written to the audit trail with their reason.</summary>
    public bool AuditsDenials { get; init; } = true;

    /// <summary>A correlation id is returned for each call and carried by all the events the call causes.</summary>
    public bool UsesCorrelationIds { get; init; } = true;

    /// <summary>The caller's Authorization header is written into its events (a leak).</summary>
    public bool LogsBearerToken { get; init; }

    /// <summary>The tools the gateway fronts, and the trust zone each lives in.</summary>
    public IReadOnlyDictionary<string, string> Tools { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["search_documents"] = "knowledge",
        ["create_ticket"] = "support",
        ["issue_refund"] = "payments",
    };

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public static AgentGatewayOptions Hardened(string issuer, int port, string auditFile, Uri policyDecisionPoint) =>
        new() { Issuer = issuer, Port = port, AuditFile = auditFile, PolicyDecisionPoint = policyDecisionPoint };

    public static AgentGatewayOptions Weak(string issuer, int port, string auditFile) =>
        new() { Issuer = issuer, Port = port, AuditFile = auditFile, PolicyDecisionPoint = null, AuditsDenials = false, UsesCorrelationIds = false, LogsBearerToken = true };
}
