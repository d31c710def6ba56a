using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// A JWT-SVID (JWT-SVID standard §2–§4) is signed by a key of the trust domain's bundle with an asymmetric algorithm,
/// names the agent's SPIFFE ID as <c>sub</c>, is audience-bound (<c>aud</c> holds the expected audience) and expires
/// soon (<c>exp</c> present, in the future, at most the bound after issue). Signature checking is
/// Microsoft.IdentityModel's; each claim is checked separately so every problem is reported, not just the first.
/// </summary>
public static class JwtSvidCheck
{
    /// <summary>The algorithms the JWT-SVID standard allows; never <c>none</c> or a shared-secret HMAC.</summary>
    public static IReadOnlyList<string> AllowedAlgorithms { get; } = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    public static async Task<JwtSvidFindings> CheckAsync(string token, SpiffeBundle bundle, SpiffeId expectedId, string audience, TimeSpan maximumLifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(expectedId);
        ArgumentNullException.ThrowIfNull(audience);
        var handler = new JsonWebTokenHandler();
        JsonWebToken jwt;
        try
        {
            jwt = handler.ReadJsonWebToken(token.Trim());
        }
        catch (ArgumentException)
        {
            return new JwtSvidFindings(["it is not a JWT (a compact JWS of three base64url parts)"], "(not decodable)");
        }

        var problems = new List<string>();
        if (jwt.IsEncrypted)
        {
            return new JwtSvidFindings(["it is an encrypted JWT (JWE); a JWT-SVID is a signed JWS"], "(encrypted)");
        }

        await CheckSignatureAsync(handler, token.Trim(), jwt, bundle, problems).ConfigureAwait(false);
        CheckSubject(jwt, expectedId, problems);
        CheckAudience(jwt, audience, problems);
        CheckExpiry(jwt, maximumLifetime, now, problems);
        return new JwtSvidFindings(problems, Decode(jwt));
    }

    private static async Task CheckSignatureAsync(JsonWebTokenHandler handler, string token, JsonWebToken jwt, SpiffeBundle bundle, List<string> problems)
    {
        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            problems.Add($"it is signed with alg '{jwt.Alg}'; JWT-SVIDs must use RS, ES or PS 256/384/512");
            return;
        }

        if (jwt.Typ is { Length: > 0 } typ && typ is not ("JWT" or "JOSE"))
        {
            problems.Add($"its typ header is '{typ}'; a JWT-SVID's typ is JWT or JOSE when present");
        }

        if (bundle.JwtAuthorities.Count == 0)
        {
            problems.Add($"{bundle.Source} holds no JWT authority, so its signature cannot be verified");
            return;
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = bundle.JwtAuthorities,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            // Claims are checked one by one below so that every problem is reported.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            var kid = string.IsNullOrEmpty(jwt.Kid) ? "no kid" : $"kid '{jwt.Kid}'";
            problems.Add(result.Exception switch
            {
                SecurityTokenSignatureKeyNotFoundException => $"it is signed by a key ({kid}) that is not in the trust bundle",
                SecurityTokenInvalidSignatureException => $"its signature ({kid}) does not verify with the trust bundle's keys",
                { } e => $"its signature ({kid}) could not be verified with the trust bundle ({e.GetType().Name})",
                null => $"its signature ({kid}) could not be verified with the trust bundle",
            });
        }
    }

    private static void CheckSubject(JsonWebToken jwt, SpiffeId expectedId, List<string> problems)
    {
        var subject = jwt.TryGetPayloadValue<string>("sub", out var sub) ? sub : null;
        if (string.IsNullOrEmpty(subject))
        {
            problems.Add("it has no sub claim, so it names no SPIFFE ID");
        }
        else if (SpiffeId.TryParse(subject, out var problem) is null)
        {
            problems.Add($"its sub '{subject}' is not a valid SPIFFE ID: {problem}");
        }
        else if (!string.Equals(subject, expectedId.ToString(), StringComparison.Ordinal))
        {
            problems.Add($"its sub '{subject}' is not the agent's SPIFFE ID '{expectedId}'");
        }
    }

    private static void CheckAudience(JsonWebToken jwt, string audience, List<string> problems)
    {
        var audiences = jwt.Audiences.ToList();
        if (audiences.Count == 0)
        {
            problems.Add("it has no aud claim, so any service that accepts it could replay it to another");
        }
        else if (!audiences.Contains(audience, StringComparer.Ordinal))
        {
            problems.Add($"its aud ({string.Join(", ", audiences)}) does not include '{audience}'");
        }
    }

    private static void CheckExpiry(JsonWebToken jwt, TimeSpan maximumLifetime, DateTimeOffset now, List<string> problems)
    {
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp))
        {
            problems.Add("it has no exp claim, so it never expires");
            return;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (expires <= now)
        {
            problems.Add($"it expired at {Format(expires)}");
        }

        var issued = jwt.TryGetPayloadValue<long>("iat", out var iat) ? DateTimeOffset.FromUnixTimeSeconds(iat) : now;
        var lifetime = expires - (issued < expires ? issued : now);
        if (lifetime > maximumLifetime)
        {
            problems.Add($"it is valid for {(long)lifetime.TotalSeconds} s ({(jwt.TryGetPayloadValue<long>("iat", out _) ? "iat" : "now")} to exp {Format(expires)}), above {(long)maximumLifetime.TotalSeconds} s");
        }
    }

    private static string Decode(JsonWebToken jwt)
    {
        try
        {
            var header = JsonSerializer.Serialize(JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedHeader)).RootElement, Indented);
            var payload = JsonSerializer.Serialize(JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload)).RootElement, Indented);
            return $"Header: {header}\nClaims: {payload}";
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return "(header or claims are not JSON)";
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
