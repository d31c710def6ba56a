using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Transport;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// Reads a SPIFFE trust bundle from a file or from the trust domain's bundle endpoint. JSON is a SPIFFE bundle (a JWK
/// set whose <c>x509-svid</c> entries carry CA certificates in <c>x5c</c> and whose <c>jwt-svid</c> entries are
/// signing keys) or a plain JWK set; PEM is a list of X.509 authorities. The endpoint is fetched through
/// <see cref="ProbeHttpClient"/>, so a slow, huge, malformed or redirecting answer fails within its bounds.
/// </summary>
public static class SpiffeBundleReader
{
    /// <summary>More entries than this are not a trust bundle; reading stops to keep the work bounded.</summary>
    public const int MaxEntries = 256;

    /// <exception cref="ProbeFailedException">Missing, unreadable, malformed, or without a usable authority.</exception>
    public static SpiffeBundle FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ProbeFailedException($"the SPIFFE trust bundle file {path} does not exist");
            }

            if (info.Length > PemCertificates.MaxFileBytes)
            {
                throw new ProbeFailedException($"the SPIFFE trust bundle file {path} is larger than {PemCertificates.MaxFileBytes / 1024} KB; it is not a trust bundle");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProbeFailedException($"the SPIFFE trust bundle file {path} cannot be read ({e.GetType().Name})");
        }

        var source = $"the SPIFFE trust bundle file {path}";
        if (text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return new SpiffeBundle([.. PemCertificates.Parse(text, source)], [], [], source);
        }

        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            return FromJson(json.RootElement, source);
        }
        catch (JsonException e)
        {
            throw new ProbeFailedException($"{source} is neither PEM nor valid JSON ({e.Message.Split('.')[0]})");
        }
    }

    /// <summary>Fetches the bundle from a SPIFFE bundle endpoint (or any URL serving a JWK set).</summary>
    /// <exception cref="ProbeFailedException">Unreachable, too slow, redirected elsewhere, not 200, too big, malformed, or without a usable authority.</exception>
    public static async Task<SpiffeBundle> FromEndpointAsync(ProbeHttpClient http, Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        var response = await http.SendAsync(ProbeRequest.Get(url, new KeyValuePair<string, string>("Accept", "application/json")), cancellationToken).ConfigureAwait(false);
        var endpoint = TransportRules.Endpoint(url);
        if (response.RedirectNotFollowed is { } redirect)
        {
            throw new ProbeFailedException($"the SPIFFE bundle endpoint {endpoint} answered {response.Status} with a redirect: {redirect}");
        }

        if (!response.IsSuccess)
        {
            throw new ProbeFailedException($"the SPIFFE bundle endpoint {endpoint} answered {response.Status}, not a trust bundle");
        }

        using var json = response.Json();
        return FromJson(json.RootElement, $"the SPIFFE bundle from {endpoint}");
    }

    /// <summary>The authorities of a SPIFFE bundle or JWK set.</summary>
    /// <exception cref="ProbeFailedException">Not a JWK set, or no usable authority in it.</exception>
    public static SpiffeBundle FromJson(JsonElement root, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new ProbeFailedException($"{source} is not a SPIFFE bundle or JWK set: it has no 'keys' array");
        }

        var x509 = new List<X509Certificate2>();
        var jwt = new List<JsonWebKey>();
        var ignored = new List<string>();
        var index = 0;
        foreach (var entry in keys.EnumerateArray())
        {
            if (++index > MaxEntries)
            {
                ignored.Add($"entries after the first {MaxEntries} were not read");
                break;
            }

            var use = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("use", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (use == "x509-svid")
            {
                if (ReadAuthority(entry, out var problem) is { } certificate)
                {
                    x509.Add(certificate);
                }
                else
                {
                    ignored.Add($"key #{index} (x509-svid): {problem}");
                }
            }
            else if (use is null or "jwt-svid" or "sig")
            {
                if (ReadSigningKey(entry, out var problem) is { } key)
                {
                    jwt.Add(key);
                }
                else
                {
                    ignored.Add($"key #{index}: {problem}");
                }
            }
            else
            {
                ignored.Add($"key #{index}: use '{use}' is neither x509-svid nor jwt-svid");
            }
        }

        return x509.Count == 0 && jwt.Count == 0
            ? throw new ProbeFailedException($"{source} holds no usable X.509 or JWT authority{(ignored.Count > 0 ? $" ({string.Join("; ", ignored)})" : string.Empty)}")
            : new SpiffeBundle(x509, jwt, ignored, source);
    }

    private static X509Certificate2? ReadAuthority(JsonElement entry, out string problem)
    {
        problem = string.Empty;
        if (!entry.TryGetProperty("x5c", out var chain) || chain.ValueKind != JsonValueKind.Array || chain.GetArrayLength() == 0
            || chain[0].ValueKind != JsonValueKind.String)
        {
            problem = "no x5c certificate";
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(chain[0].GetString()!));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            problem = "its x5c certificate cannot be decoded";
            return null;
        }
    }

    private static JsonWebKey? ReadSigningKey(JsonElement entry, out string problem)
    {
        problem = string.Empty;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problem = $"a JSON {entry.ValueKind.ToString().ToLowerInvariant()}, not a JWK";
            return null;
        }

        JsonWebKey key;
        try
        {
            key = JsonWebKey.Create(entry.GetRawText());
        }
        catch (ArgumentException)
        {
            problem = "not a readable JWK";
            return null;
        }

        var kid = string.IsNullOrEmpty(key.Kid) ? string.Empty : $" (kid '{key.Kid}')";
        try
        {
            switch (key.Kty)
            {
                case "RSA":
                    using (var rsa = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(key.N), Exponent = Base64UrlEncoder.DecodeBytes(key.E) }))
                    {
                        if (rsa.KeySize < 2048)
                        {
                            problem = $"RSA key{kid} of {rsa.KeySize} bits, below 2048";
                            return null;
                        }
                    }

                    return key;
                case "EC":
                    using (ECDsa.Create(new ECParameters
                    {
                        Curve = key.Crv switch
                        {
                            "P-256" => ECCurve.NamedCurves.nistP256,
                            "P-384" => ECCurve.NamedCurves.nistP384,
                            "P-521" => ECCurve.NamedCurves.nistP521,
                            _ => throw new CryptographicException("unsupported curve"),
                        },
                        Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(key.X), Y = Base64UrlEncoder.DecodeBytes(key.Y) },
                    }))
                    {
                        return key;
                    }

                default:
                    problem = $"key type '{key.Kty}'{kid} cannot verify a JWT-SVID (RSA or EC expected)";
                    return null;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            problem = $"{(string.IsNullOrEmpty(key.Kty) ? "key" : $"{key.Kty} key")}{kid} has missing or malformed parameters";
            return null;
        }
    }

    /// <summary>The bundle as evidence text: what it holds and what was ignored.</summary>
    public static string Describe(SpiffeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var text = new StringBuilder();
        text.Append("Source: ").AppendLine(bundle.Source);
        text.Append("X.509 authorities: ").AppendLine(bundle.X509Authorities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var authority in bundle.X509Authorities)
        {
            text.Append("  - ").Append(authority.Subject).Append(", valid until ").AppendLine(CertificateFacts.Timestamp(authority.NotAfter));
        }

        text.Append("JWT authorities: ").AppendLine(bundle.JwtAuthorities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var key in bundle.JwtAuthorities)
        {
            text.Append("  - ").Append(key.Kty).Append(" key, kid '").Append(key.Kid).AppendLine("'");
        }

        foreach (var entry in bundle.IgnoredEntries)
        {
            text.Append("Ignored: ").AppendLine(entry);
        }

        return text.ToString();
    }
}
