using System.Net.Http.Headers;
using System.Text;

namespace AgentCompliance.Probes.Http;

/// <summary>
/// One request a probe sends. A plain record rather than <see cref="HttpRequestMessage"/> so it can be re-sent on a
/// same-origin redirect and written to evidence exactly as sent.
/// </summary>
public sealed record ProbeRequest
{
    public required HttpMethod Method { get; init; }

    public required Uri Url { get; init; }

    /// <summary>Request headers, in order; <c>Authorization</c> among them is dropped on any cross-origin hop.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body, or null for none.</summary>
    public string? Body { get; init; }

    /// <summary>Media type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "application/json";

    public static ProbeRequest Get(Uri url, params KeyValuePair<string, string>[] headers) =>
        new() { Method = HttpMethod.Get, Url = url, Headers = headers };

    /// <summary>An <c>application/x-www-form-urlencoded</c> POST, as OAuth endpoints take.</summary>
    public static ProbeRequest PostForm(Uri url, IEnumerable<KeyValuePair<string, string>> fields, params KeyValuePair<string, string>[] headers) =>
        new()
        {
            Method = HttpMethod.Post,
            Url = url,
            Headers = headers,
            Body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")),
            ContentType = "application/x-www-form-urlencoded",
        };

    public static ProbeRequest PostJson(Uri url, string json, params KeyValuePair<string, string>[] headers) =>
        new() { Method = HttpMethod.Post, Url = url, Headers = headers, Body = json };

    /// <summary>A copy with one more header.</summary>
    public ProbeRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    /// <summary>The <c>Authorization</c> value for HTTP Basic client authentication (RFC 6749 §2.3.1 form-encodes both parts).</summary>
    public static KeyValuePair<string, string> BasicAuthorization(string user, string password) =>
        new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}")));

    public static KeyValuePair<string, string> BearerAuthorization(string token) => new("Authorization", $"Bearer {token}");

    internal HttpRequestMessage ToHttpRequestMessage(Uri url, bool withCredentials)
    {
        var message = new HttpRequestMessage(Method, url);
        foreach (var (name, value) in Headers)
        {
            if (!withCredentials && IsCredentialHeader(name))
            {
                continue;
            }

            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }

        return message;
    }

    internal static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DPoP", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase);
}
