using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Mcp;

/// <summary>Building JSON-RPC 2.0 messages and recognising the answer to one request among everything a server sends.</summary>
public static class JsonRpc
{
    public static JsonObject Request(long id, string method, JsonObject? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return message;
    }

    public static JsonObject Notification(string method)
        => new() { ["jsonrpc"] = "2.0", ["method"] = method };

    /// <summary>The id of a request built by <see cref="Request"/>.</summary>
    public static long IdOf(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request["id"]!.GetValue<long>();
    }

    /// <summary>
    /// The response to request <paramref name="id"/> in a message (an object, or a batch array), or null when the
    /// message is something else: a notification, a request from the server, another response.
    /// </summary>
    public static JsonElement? FindResponse(JsonElement message, long id)
    {
        if (message.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in message.EnumerateArray())
            {
                if (FindResponse(item, id) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        return message.ValueKind == JsonValueKind.Object
            && message.TryGetProperty("id", out var messageId)
            && messageId.ValueKind == JsonValueKind.Number
            && messageId.TryGetInt64(out var value)
            && value == id
            && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _))
            ? message.Clone()
            : null;
    }

    /// <summary>Parses one message; a message that is not JSON is a probe failure naming the server.</summary>
    public static JsonElement Parse(string text, Uri from)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(from)} sent a message that is not JSON ({e.Message.Split('.')[0]})");
        }
    }

    /// <summary>The <c>result</c> of a response; a JSON-RPC error is a probe failure quoting the server's code and message.</summary>
    public static JsonElement ResultOf(JsonElement response, string method, Uri from)
    {
        if (response.TryGetProperty("result", out var result))
        {
            return result;
        }

        var error = response.GetProperty("error");
        var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) ? c.ToString() : "?";
        var text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        throw new ProbeFailedException($"{TransportRules.Endpoint(from)} answered {method} with JSON-RPC error {code}{(text is null ? string.Empty : $": {text}")}");
    }
}
