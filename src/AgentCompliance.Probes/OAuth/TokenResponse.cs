using System.Text.Json;

namespace AgentCompliance.Probes.OAuth;

/// <summary>A successful token endpoint answer (RFC 6749 §5.1); the token itself is a secret and must be registered.</summary>
public sealed record TokenResponse
{
    public required string AccessToken { get; init; }

    public string? TokenType { get; init; }

    /// <summary>Seconds until expiry as the issuer states it; null when the issuer does not say.</summary>
    public long? ExpiresIn { get; init; }

    public string? Scope { get; init; }

    /// <summary>RFC 8693: the type of the issued token (token exchange only).</summary>
    public string? IssuedTokenType { get; init; }

    public string? RefreshToken { get; init; }

    internal static TokenResponse FromJson(JsonElement json) => new()
    {
        AccessToken = json.GetProperty("access_token").GetString() ?? string.Empty,
        TokenType = OptionalString(json, "token_type"),
        ExpiresIn = json.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number && expires.TryGetInt64(out var seconds) ? seconds : null,
        Scope = OptionalString(json, "scope"),
        IssuedTokenType = OptionalString(json, "issued_token_type"),
        RefreshToken = OptionalString(json, "refresh_token"),
    };

    private static string? OptionalString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
