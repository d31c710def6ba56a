using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgentCompliance.ReferencePlatform.Policy;

/// <summary>
/// The policy file served through Cerbos' decision API (<c>POST api/check/resources</c>), so the same decision point the
/// gateway uses can be asked directly — by an assessor's probes, for example — whether or not Cerbos is installed.
/// </summary>
internal static class CheckResourcesEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, ToolPolicy policy)
    {
        JsonObject? body;
        try
        {
            body = await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return Invalid("the request body is not JSON");
        }

        if (body?["principal"] is not JsonObject principal || principal["id"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || body["resources"] is not JsonArray resources)
        {
            return Invalid("principal.id and resources are required");
        }

        var agent = principal["id"]!.GetValue<string>();
        var sensitive = principal["attr"]?[ToolPolicy.SensitiveActionAttribute] is JsonValue flag && flag.TryGetValue<bool>(out var value) && value;
        var results = new JsonArray();
        foreach (var entry in resources)
        {
            if (entry?["resource"] is not JsonObject resource || entry["actions"] is not JsonArray actions
                || resource["kind"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || resource["id"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return Invalid("every resource needs kind, id and actions");
            }

            var kind = resource["kind"]!.GetValue<string>();
            var id = resource["id"]!.GetValue<string>();
            var effects = new JsonObject();
            foreach (var action in actions.Select(a => a?.GetValue<string>()).OfType<string>())
            {
                effects[action] = policy.Decide(agent, kind, id, action, sensitive).Allowed ? "EFFECT_ALLOW" : "EFFECT_DENY";
            }

            results.Add(new JsonObject { ["resource"] = new JsonObject { ["id"] = id, ["kind"] = kind }, ["actions"] = effects });
        }

        return Results.Json(new JsonObject { ["requestId"] = body["requestId"]?.DeepClone(), ["results"] = results });
    }

    private static IResult Invalid(string message) => Results.Json(new JsonObject { ["code"] = 3, ["message"] = message }, statusCode: StatusCodes.Status400BadRequest);
}
