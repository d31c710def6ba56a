using System.Text.Json;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// What an issuer publishes about itself (OpenID Connect Discovery 1.0 / RFC 8414): its identifier and the endpoints
/// and capabilities the probes use. Endpoint URLs are absolute; anything else is a malformed document.
/// </summary>
public sealed record AuthorizationServerMetadata
{
    /// <summary>The URL the document was read from.</summary>
    public required Uri Source { get; init; }

    /// <summary>The <c>issuer</c> value exactly as published.</summary>
    public required string Issuer { get; init; }

    public Uri? TokenEndpoint { get; init; }

    public Uri? JwksUri { get; init; }

    public Uri? IntrospectionEndpoint { get; init; }

    public Uri? RevocationEndpoint { get; init; }

    public IReadOnlyList<string> GrantTypesSupported { get; init; } = [];

    public IReadOnlyList<string> ScopesSupported { get; init; } = [];

    public IReadOnlyList<string> TokenEndpointAuthMethodsSupported { get; init; } = [];

    /// <summary>Reads a metadata document; a missing issuer or a relative endpoint URL is a <see cref="ProbeFailedException"/>.</summary>
    public static AuthorizationServerMetadata FromJson(Uri source, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(source);
        var where = TransportRules.Endpoint(source);
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ProbeFailedException($"{where} answered a metadata document that is not a JSON object");
        }

        if (!json.TryGetProperty("issuer", out var issuer) || issuer.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(issuer.GetString()))
        {
            throw new ProbeFailedException($"{where} answered metadata without an 'issuer'");
        }

        return new AuthorizationServerMetadata
        {
            Source = source,
            Issuer = issuer.GetString()!,
            TokenEndpoint = Endpoint(json, "token_endpoint", where),
            JwksUri = Endpoint(json, "jwks_uri", where),
            IntrospectionEndpoint = Endpoint(json, "introspection_endpoint", where),
            RevocationEndpoint = Endpoint(json, "revocation_endpoint", where),
            GrantTypesSupported = Strings(json, "grant_types_supported"),
            ScopesSupported = Strings(json, "scopes_supported"),
            TokenEndpointAuthMethodsSupported = Strings(json, "token_endpoint_auth_methods_supported"),
        };
    }

    private static Uri? Endpoint(JsonElement json, string name, string where)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var url)
            ? url
            : throw new ProbeFailedException($"{where} answered metadata whose '{name}' is not an absolute URL");
    }

    private static List<string> Strings(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
