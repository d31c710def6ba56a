using AgentCompliance.Analysis.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Whether an identifier names a secret (<c>apiKey</c>, <c>ClientSecret</c>, <c>accessToken</c>) rather than something about one (<c>TokenUrl</c>).</summary>
public static class SecretNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "credential", "credentials",
    };

    // "key" alone is too common (dictionary keys); these prefixes make it a secret.
    private static readonly HashSet<string> KeyPrefixes = new(StringComparer.Ordinal)
    {
        "api", "access", "secret", "private", "subscription", "signing", "client", "account", "master", "shared",
        "encryption", "ai", "openai", "sas", "storage", "hmac", "jwt",
    };

    /// <summary>The kind of secret the name says it holds (<c>API key</c>, <c>token</c>, <c>password</c>…), or null.</summary>
    public static string? SecretKind(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var words = SyntaxQueries.Words(identifier).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var last = words[^1];
        if (last == "key" && words.Count > 1 && KeyPrefixes.Contains(words[^2]))
        {
            return words[^2] == "api" ? "API key" : $"{words[^2]} key";
        }

        if (SecretWords.Contains(last))
        {
            return last switch
            {
                "pwd" or "passwd" or "passphrase" => "password",
                "apikey" => "API key",
                "credentials" => "credential",
                _ => last,
            };
        }

        return null;
    }
}
