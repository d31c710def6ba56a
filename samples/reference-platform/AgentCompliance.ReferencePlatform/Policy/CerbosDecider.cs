using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgentCompliance.ReferencePlatform.Policy;

/// <summary>
/// Asks a Cerbos decision point (<c>POST /api/check/resources</c>) whether an agent (role <c>agent</c>, no sensitive action
/// performed yet) may invoke a tool; fails closed: one that cannot be asked denies.
/// </summary>
public sealed class CerbosDecider(HttpClient http, Uri cerbos) : IToolCallDecider
{
    public async Task<(bool Allowed, string Reason)> DecideAsync(string agent, string tool, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["principal"] = new JsonObject { ["id"] = agent, ["roles"] = new JsonArray("agent"), ["attr"] = new JsonObject { [ToolPolicy.SensitiveActionAttribute] = false } },
            ["resources"] = new JsonArray(new JsonObject
            {
                ["actions"] = new JsonArray("invoke"),
                ["resource"] = new JsonObject { ["kind"] = ToolPolicy.ToolKind, ["id"] = tool },
            }),
        };
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(cerbos, "api/check/resources"), request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            return body?["results"]?[0]?["actions"]?["invoke"]?.GetValue<string>() == "EFFECT_ALLOW"
                ? (true, "allowed by policy")
                : (false, $"policy denies agent '{agent}' the tool '{tool}': it is outside the agent's allow-list");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return (false, "the policy decision point could not be asked");
        }
    }
}
