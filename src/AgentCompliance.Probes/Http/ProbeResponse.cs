using System.Net;
using System.Text;
using System.Text.Json;

namespace AgentCompliance.Probes.Http;

/// <summary>A response as a probe saw it: status, headers, the body up to the size cap, and how long it took.</summary>
public sealed record ProbeResponse
{
    public required Uri Url { get; init; }

    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>Response and content headers; names compare case-insensitively.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>True when the body was longer than the cap and only its start was read.</summary>
    public bool Truncated { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Set when a redirect was not followed (another origin, or too many hops), saying why.</summary>
    public string? RedirectNotFollowed { get; init; }

    public int Status => (int)StatusCode;

    public bool IsSuccess => Status is >= 200 and < 300;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? ContentType => Header("Content-Type");

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The body as JSON; a truncated or malformed body is a <see cref="ProbeFailedException"/> naming the endpoint.</summary>
    public JsonDocument Json()
    {
        if (Truncated)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(Url)} answered with a body larger than the cap; it was not read as JSON");
        }

        try
        {
            return JsonDocument.Parse(Body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(Url)} answered {Status} with invalid JSON ({e.Message.Split('.')[0]})");
        }
    }
}
