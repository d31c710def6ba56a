using System.Globalization;
using System.Text.Json;

namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The claims the identity controls judge, read either from a JWT access token's payload (RFC 9068) or from an
/// introspection response (RFC 7662) for opaque tokens: same names, same meaning.
/// </summary>
public sealed record AccessTokenClaims
{
    /// <summary>Where the claims came from: "JWT payload" or "introspection".</summary>
    public required string Source { get; init; }

    public string? Issuer { get; init; }

    public string? Subject { get; init; }

    public string? ClientId { get; init; }

    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Scopes from <c>scope</c> (space-separated) or an <c>scp</c> array; null when the token states none.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>True when the token has an RFC 8693 <c>act</c> claim.</summary>
    public bool HasActor { get; init; }

    /// <summary>The <c>sub</c> of the outermost <c>act</c> claim (the party acting now), when present.</summary>
    public string? ActorSubject { get; init; }

    /// <summary>The party the token identifies: <c>sub</c>, or <c>client_id</c> for client tokens without a subject.</summary>
    public string? EffectiveSubject => Subject ?? ClientId;

    /// <summary>Reads the claims of a JSON object (JWT payload or introspection response).</summary>
    public static AccessTokenClaims FromJson(JsonElement json, string source)
    {
        var actor = json.TryGetProperty("act", out var act) && act.ValueKind == JsonValueKind.Object ? act : (JsonElement?)null;
        return new AccessTokenClaims
        {
            Source = source,
            Issuer = Text(json, "iss"),
            Subject = Text(json, "sub"),
            ClientId = Text(json, "client_id"),
            Audiences = TextOrList(json, "aud") ?? [],
            Scopes = Text(json, "scope") is { } scope ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries) : TextOrList(json, "scp"),
            IssuedAt = Time(json, "iat"),
            ExpiresAt = Time(json, "exp"),
            HasActor = actor is not null,
            ActorSubject = actor is { } a ? Text(a, "sub") : null,
        };
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[]? TextOrList(JsonElement json, string name) =>
        !json.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
        : null;

    // NumericDate (RFC 7519 §2): seconds since the epoch, possibly fractional; anything else is treated as absent.
    private static DateTimeOffset? Time(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds)
            || double.IsNaN(seconds) || seconds < 0 || seconds > 253402300799)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }

    /// <summary>A one-line description for evidence, e.g. <c>sub=alice aud=[…] scope=[…] lifetime=300 s</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"source={Source}" };
        if (Subject is not null)
        {
            parts.Add($"sub={Subject}");
        }

        if (ClientId is not null)
        {
            parts.Add($"client_id={ClientId}");
        }

        parts.Add($"aud=[{string.Join(", ", Audiences)}]");
        parts.Add(Scopes is null ? "scope=(none stated)" : $"scope=[{string.Join(" ", Scopes)}]");
        if (IssuedAt is { } iat && ExpiresAt is { } exp)
        {
            parts.Add($"lifetime={(exp - iat).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
        }

        if (HasActor)
        {
            parts.Add($"act.sub={ActorSubject ?? "(none)"}");
        }

        return string.Join(' ', parts);
    }
}
