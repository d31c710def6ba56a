using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Policy;

/// <summary>
/// Cerbos' decision API: <c>POST /api/check/resources</c> with one principal and a batch of resources, answered with
/// <c>EFFECT_ALLOW</c> or <c>EFFECT_DENY</c> per resource and action. A request Cerbos rejects (400 with validation
/// errors) or an answer without a decision for every resource is a probe failure, never a silent allow or deny.
/// </summary>
public sealed class CerbosPolicyDecisionPoint(ProbeHttpClient http, Uri baseUrl) : IPolicyDecisionPoint
{
    private const int MaxResourcesPerRequest = 50;

    public Uri CheckEndpoint { get; } = new(EnsureTrailingSlash(baseUrl), "api/check/resources");

    public async Task<IReadOnlyList<PolicyDecision>> CheckAsync(PolicyPrincipal principal, string action, IReadOnlyList<PolicyResource> resources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(resources);
        var decisions = new List<PolicyDecision>(resources.Count);
        foreach (var batch in resources.Chunk(MaxResourcesPerRequest))
        {
            decisions.AddRange(await CheckBatchAsync(principal, action, batch, cancellationToken).ConfigureAwait(false));
        }

        return decisions;
    }

    private async Task<IReadOnlyList<PolicyDecision>> CheckBatchAsync(PolicyPrincipal principal, string action, PolicyResource[] resources, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(ProbeRequest.PostJson(CheckEndpoint, RequestBody(principal, action, resources)), cancellationToken).ConfigureAwait(false);
        var endpoint = TransportRules.Endpoint(CheckEndpoint);
        if (!response.IsSuccess)
        {
            throw new ProbeFailedException($"{endpoint} refused the check request with {response.Status}{ErrorMessage(response)}");
        }

        using var json = response.Json();
        if (!json.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new ProbeFailedException($"{endpoint} answered {response.Status} without a 'results' list");
        }

        var decisions = new List<PolicyDecision>(resources.Length);
        foreach (var resource in resources)
        {
            var effect = results.EnumerateArray()
                .Where(r => Matches(r, resource))
                .Select(r => r.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Object && actions.TryGetProperty(action, out var value) ? value.GetString() : null)
                .FirstOrDefault();
            decisions.Add(new PolicyDecision(resource, action, effect switch
            {
                "EFFECT_ALLOW" => PolicyEffect.Allow,
                "EFFECT_DENY" => PolicyEffect.Deny,
                null => throw new ProbeFailedException($"{endpoint} gave no decision for action '{action}' on {resource.Kind} '{resource.Id}'"),
                _ => throw new ProbeFailedException($"{endpoint} answered an unknown effect '{effect}' for action '{action}' on {resource.Kind} '{resource.Id}'"),
            }));
        }

        return decisions;
    }

    private static bool Matches(JsonElement result, PolicyResource resource) =>
        result.TryGetProperty("resource", out var echoed)
        && echoed.ValueKind == JsonValueKind.Object
        && echoed.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == resource.Id
        && echoed.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == resource.Kind;

    private static string RequestBody(PolicyPrincipal principal, string action, PolicyResource[] resources)
    {
        var body = new JsonObject
        {
            ["requestId"] = $"agentcompliance-{Guid.NewGuid():N}",
            ["principal"] = new JsonObject
            {
                ["id"] = principal.Id,
                ["roles"] = new JsonArray([.. principal.Roles.Select(r => (JsonNode?)JsonValue.Create(r))]),
                ["attr"] = Attributes(principal.Attributes),
            },
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode?)new JsonObject
            {
                ["actions"] = new JsonArray(JsonValue.Create(action)),
                ["resource"] = new JsonObject
                {
                    ["kind"] = r.Kind,
                    ["id"] = r.Id,
                    ["attr"] = Attributes(r.Attributes),
                },
            })]),
        };
        return body.ToJsonString();
    }

    private static JsonObject Attributes(IReadOnlyDictionary<string, JsonElement> attributes) =>
        new(attributes.Select(a => KeyValuePair.Create(a.Key, JsonNode.Parse(a.Value.GetRawText()))));

    // Cerbos puts its validation errors in 'message'; they name fields, never values, so they are safe to show.
    private static string ErrorMessage(ProbeResponse response)
    {
        try
        {
            using var json = response.Json();
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? $": {message.GetString()!.ReplaceLineEndings(" ").Trim()}"
                : string.Empty;
        }
        catch (ProbeFailedException)
        {
            return string.Empty;
        }
    }

    private static Uri EnsureTrailingSlash(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }
}
