namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// A <c>WWW-Authenticate: Bearer</c> challenge (RFC 6750 §3) and its parameters, such as RFC 9728's
/// <c>resource_metadata</c>.
/// </summary>
public sealed record BearerChallenge(IReadOnlyDictionary<string, string> Parameters)
{
    public string? ResourceMetadata => Parameters.GetValueOrDefault("resource_metadata");

    /// <summary>The Bearer challenge among the header values, or null when none is a Bearer challenge.</summary>
    public static BearerChallenge? Find(IEnumerable<string> headerValues)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        foreach (var value in headerValues)
        {
            var text = value.TrimStart();
            if (!text.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) || (text.Length > 6 && !char.IsWhiteSpace(text[6])))
            {
                continue;
            }

            return new BearerChallenge(ParseParameters(text[6..]));
        }

        return null;
    }

    // auth-param = token "=" ( token / quoted-string ), separated by commas (RFC 9110 §11.2).
    private static Dictionary<string, string> ParseParameters(string text)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var name = text[nameStart..i];
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                // A new scheme or a token68 ends the Bearer parameters.
                break;
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    builder.Append(text[i++]);
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ',' && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                value = text[valueStart..i];
            }

            if (name.Length > 0)
            {
                parameters.TryAdd(name, value);
            }
        }

        return parameters;
    }
}
