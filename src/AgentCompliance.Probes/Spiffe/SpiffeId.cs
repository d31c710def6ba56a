namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// A SPIFFE ID (spiffe://trust-domain/path) checked against the SPIFFE ID standard: the lowercase <c>spiffe</c>
/// scheme, a trust domain of lowercase letters, digits, '.', '-' and '_' with no user info or port, path segments of
/// letters, digits, '.', '-' and '_' that are neither empty nor '.' or '..', no query or fragment, at most 2048 bytes.
/// </summary>
public sealed record SpiffeId(string TrustDomain, string Path)
{
    private const string Prefix = "spiffe://";
    private const int MaxLength = 2048;

    /// <summary>True for a workload identity: a path below the trust domain (signing authorities have none).</summary>
    public bool HasPath => Path.Length > 0;

    /// <summary>The ID, or null with the reason it is not a valid SPIFFE ID.</summary>
    public static SpiffeId? TryParse(string? text, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            problem = "it is empty";
            return null;
        }

        if (text.Length > MaxLength)
        {
            problem = $"it is longer than {MaxLength} bytes";
            return null;
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem = text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                ? "its scheme must be written 'spiffe' in lowercase"
                : "it does not start with spiffe://";
            return null;
        }

        var rest = text[Prefix.Length..];
        if (rest.IndexOfAny(['?', '#']) >= 0)
        {
            problem = "it has a query or fragment";
            return null;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var trustDomain = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? string.Empty : rest[slash..];
        if (TrustDomainProblem(trustDomain) is { } domainProblem)
        {
            problem = domainProblem;
            return null;
        }

        if (PathProblem(path) is { } pathProblem)
        {
            problem = pathProblem;
            return null;
        }

        return new SpiffeId(trustDomain, path);
    }

    /// <summary>Why a trust domain name is invalid, or null.</summary>
    public static string? TrustDomainProblem(string trustDomain)
    {
        ArgumentNullException.ThrowIfNull(trustDomain);
        if (trustDomain.Length == 0)
        {
            return "its trust domain is empty";
        }

        if (trustDomain.Contains('@', StringComparison.Ordinal))
        {
            return "it has user info ('@') before the trust domain";
        }

        if (trustDomain.Contains(':', StringComparison.Ordinal))
        {
            return "it has a port (':') after the trust domain";
        }

        if (trustDomain.Any(char.IsAsciiLetterUpper))
        {
            return $"its trust domain '{trustDomain}' is not lowercase";
        }

        return trustDomain.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_')
            ? null
            : $"its trust domain '{trustDomain}' has characters other than a-z, 0-9, '.', '-' and '_'";
    }

    private static string? PathProblem(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        foreach (var segment in path[1..].Split('/'))
        {
            if (segment.Length == 0)
            {
                return "its path has an empty segment (a '//' or a trailing '/')";
            }

            if (segment is "." or "..")
            {
                return $"its path has a '{segment}' segment";
            }

            if (!segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return $"its path segment '{segment}' has characters other than letters, digits, '.', '-' and '_'";
            }
        }

        return null;
    }

    public override string ToString() => $"{Prefix}{TrustDomain}{Path}";
}
