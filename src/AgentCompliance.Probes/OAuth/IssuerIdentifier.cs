namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// Compares issuer identifiers as RFC 8414 §3.3 and OpenID Connect Discovery §4.3 require: the published issuer must be
/// identical to the one the client expected, or a malicious metadata document could send credentials elsewhere
/// (mix-up). Scheme and host compare case-insensitively; the path exactly, except that an empty path and "/" are one
/// (a configured URL cannot tell them apart).
/// </summary>
public static class IssuerIdentifier
{
    public static bool Matches(Uri expected, string published)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (!Uri.TryCreate(published, UriKind.Absolute, out var actual) || actual.Query.Length > 0 || actual.Fragment.Length > 0)
        {
            return false;
        }

        return string.Equals(expected.Scheme, actual.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(expected.IdnHost, actual.IdnHost, StringComparison.OrdinalIgnoreCase)
            && expected.Port == actual.Port
            && string.Equals(expected.AbsolutePath, actual.AbsolutePath, StringComparison.Ordinal);
    }
}
