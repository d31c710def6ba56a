using System.Text.Json;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Reads a server's OAuth 2.0 Protected Resource Metadata (RFC 9728): from the URL its 401 challenge names, or else
/// from the well-known location with the resource's path appended (§3.1). The document must name this resource
/// exactly (§3.3: otherwise it could be another resource's metadata) and at least one authorization server — the
/// profile's issuer, when the profile names one.
/// </summary>
public static class ProtectedResourceMetadataProbe
{
    public const string WellKnownPath = "/.well-known/oauth-protected-resource";

    public static async Task<McpProbeResult> ProbeAsync(ProbeHttpClient http, McpServerTarget target, Uri? expectedIssuer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var server = target.Describe();
        var violations = new List<string>();
        var observations = new List<string>();

        var challenge = await McpHandshakeRequest.SendAsync(http, target, [], cancellationToken).ConfigureAwait(false);
        var advertised = challenge.Status == 401 && challenge.Headers.TryGetValue("WWW-Authenticate", out var values)
            ? BearerChallenge.Find(values)?.ResourceMetadata
            : null;
        var candidates = new List<Uri>();
        if (advertised is not null)
        {
            if (!Uri.TryCreate(target.Url, advertised, out var fromChallenge))
            {
                violations.Add($"{server} names resource_metadata '{advertised}', which is not a URL");
                return new McpProbeResult(violations, observations);
            }

            candidates.Add(fromChallenge);
        }
        else
        {
            candidates.Add(WellKnownUrl(target.Url));
            candidates.Add(new Uri(target.Url, WellKnownPath));
        }

        var answers = new List<string>();
        foreach (var url in candidates.Distinct())
        {
            var response = await http.SendAsync(ProbeRequest.Get(url, new KeyValuePair<string, string>("Accept", "application/json")), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                answers.Add($"{TransportRules.Endpoint(url)} answered {response.Status}");
                continue;
            }

            using var document = response.Json();
            Judge(document.RootElement, url, target.Url, expectedIssuer, server, violations, observations);
            return new McpProbeResult(violations, observations);
        }

        violations.Add(advertised is null
            ? $"{server} publishes no protected-resource metadata (RFC 9728): it sent no resource_metadata challenge, and {string.Join(", ", answers)}"
            : $"{server} names resource_metadata it does not serve: {string.Join(", ", answers)}");
        return new McpProbeResult(violations, observations);
    }

    /// <summary><c>/.well-known/oauth-protected-resource</c> inserted between the host and the resource's path.</summary>
    public static Uri WellKnownUrl(Uri resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var path = resource.AbsolutePath.TrimEnd('/');
        return new Uri($"{resource.GetLeftPart(UriPartial.Authority)}{WellKnownPath}{path}");
    }

    private static void Judge(JsonElement metadata, Uri url, Uri resourceUrl, Uri? expectedIssuer, string server, List<string> violations, List<string> observations)
    {
        var where = TransportRules.Endpoint(url);
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            violations.Add($"{server}: {where} is not a JSON object");
            return;
        }

        var resource = metadata.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (resource is null)
        {
            violations.Add($"{server}: the metadata at {where} has no 'resource'");
        }
        else if (!Covers(resource, resourceUrl))
        {
            violations.Add($"{server}: the metadata at {where} describes resource '{resource}', which is neither {resourceUrl} nor a parent path of it (RFC 9728 §3.3), so it may be another resource's metadata");
        }

        var servers = metadata.TryGetProperty("authorization_servers", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList()
            : [];
        if (servers.Count == 0)
        {
            violations.Add($"{server}: the metadata at {where} names no authorization_servers, so clients cannot tell where to get a token");
        }
        else if (expectedIssuer is not null && !servers.Any(s => SameResource(s, expectedIssuer)))
        {
            violations.Add($"{server}: the metadata at {where} names authorization servers {string.Join(", ", servers)}, not the profile's issuer {expectedIssuer}");
        }

        observations.Add($"metadata at {where}: resource={resource}, authorization_servers=[{string.Join(", ", servers)}]");
    }

    // The resource identifier is the server URL or a parent path of it on the same origin (as MCP clients accept:
    // one protected resource may serve both /mcp and the legacy /mcp/sse).
    private static bool Covers(string resource, Uri server)
    {
        if (!Uri.TryCreate(resource, UriKind.Absolute, out var actual)
            || !string.Equals(actual.GetLeftPart(UriPartial.Authority), server.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            || actual.Query.Length > 0)
        {
            return false;
        }

        var prefix = actual.AbsolutePath.TrimEnd('/');
        var path = server.AbsolutePath.TrimEnd('/');
        return path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);
    }

    // Identical up to a trailing slash and the case-insensitive parts of a URL (scheme, host).
    private static bool SameResource(string value, Uri expected) =>
        Uri.TryCreate(value, UriKind.Absolute, out var actual)
        && string.Equals(actual.GetLeftPart(UriPartial.Authority), expected.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
        && string.Equals(actual.AbsolutePath.TrimEnd('/'), expected.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
        && actual.Query == expected.Query;
}
