using System.Net;

namespace AgentCompliance.Probes.Http;

/// <summary>
/// Which URLs the harness may send anything to: https anywhere, plain http only to loopback hosts and only when the
/// profile allows it, since credentials sent over http can be read by anyone on the path.
/// </summary>
public static class TransportRules
{
    /// <summary>Why <paramref name="url"/> must not be used, or null when it may.</summary>
    public static string? Violation(Uri url, bool allowInsecureLoopback)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return $"'{url}' is not an absolute URL";
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttp)
        {
            return $"{Endpoint(url)} uses the scheme '{url.Scheme}'; only https (or http to loopback) is supported";
        }

        if (!IsLoopback(url))
        {
            return $"{Endpoint(url)} is plain http to a non-loopback host; credentials would cross the network unencrypted (use https)";
        }

        return allowInsecureLoopback
            ? null
            : $"{Endpoint(url)} is plain http; set transport.allowInsecureLoopback: true in the profile to allow it for a local deployment";
    }

    /// <summary>Throws <see cref="ProbeFailedException"/> when <paramref name="url"/> must not be used.</summary>
    public static void Require(Uri url, bool allowInsecureLoopback)
    {
        if (Violation(url, allowInsecureLoopback) is { } violation)
        {
            throw new ProbeFailedException(violation);
        }
    }

    /// <summary>True for localhost and 127.0.0.0/8 or ::1 literals; names are not resolved (DNS could lie).</summary>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The URL without query or fragment, for messages (queries can carry tokens).</summary>
    public static string Endpoint(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString;
    }

    /// <summary>Scheme, host and port: the origin credentials are bound to.</summary>
    public static bool SameOrigin(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }
}
