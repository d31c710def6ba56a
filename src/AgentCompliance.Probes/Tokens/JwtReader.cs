using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// Reads compact JWS tokens defensively before any library sees them: a token from a deployment under test may be
/// malformed or hostile, and a failed step must say what is wrong instead of crashing or parsing a megabyte header.
/// Tokens without a dot are opaque (their claims come from introspection).
/// </summary>
public static class JwtReader
{
    /// <summary>Largest header accepted, in base64url characters (a real JOSE header is a few hundred).</summary>
    public const int MaxHeaderLength = 8 * 1024;

    /// <summary>Largest token accepted, in characters.</summary>
    public const int MaxTokenLength = 64 * 1024;

    /// <summary>True for a token that claims to be a JWT (it has dots); opaque reference tokens have none.</summary>
    public static bool IsJwt(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>True for a compact JWE (five parts): encrypted, so only the issuer can read its claims.</summary>
    public static bool IsEncrypted(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Count(c => c == '.') == 4;
    }

    /// <summary>Parses a compact JWS (three parts).</summary>
    /// <exception cref="MalformedTokenException">The token is not a well-formed JWS; the message says why.</exception>
    public static JsonWebToken Read(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxTokenLength)
        {
            throw new MalformedTokenException($"the token is {token.Length} characters long, more than the {MaxTokenLength} a JWT may have here");
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new MalformedTokenException($"the token has {parts.Length} dot-separated parts; a signed JWT (JWS compact serialization) has 3");
        }

        if (parts[0].Length > MaxHeaderLength)
        {
            throw new MalformedTokenException($"the JWT header is {parts[0].Length} characters long, more than {MaxHeaderLength}");
        }

        RequireJsonObject(parts[0], "header");
        RequireJsonObject(parts[1], "payload");
        if (parts[2].Length > 0 && !Base64Url.IsValid(parts[2]))
        {
            throw new MalformedTokenException("the JWT signature is not valid base64url");
        }

        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException e)
        {
            throw new MalformedTokenException($"the JWT cannot be read ({e.GetType().Name})", e);
        }
    }

    private static void RequireJsonObject(string part, string name)
    {
        if (part.Length == 0 || !Base64Url.IsValid(part))
        {
            throw new MalformedTokenException($"the JWT {name} is not valid base64url");
        }

        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(part), new JsonDocumentOptions { MaxDepth = 32 });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedTokenException($"the JWT {name} is JSON but not an object");
            }
        }
        catch (JsonException)
        {
            throw new MalformedTokenException($"the JWT {name} is not JSON");
        }
    }

    /// <summary>The payload's claims, from a token <see cref="Read"/> accepted.</summary>
    public static AccessTokenClaims Claims(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(token.EncodedPayload));
        return AccessTokenClaims.FromJson(json.RootElement, "JWT payload");
    }
}
