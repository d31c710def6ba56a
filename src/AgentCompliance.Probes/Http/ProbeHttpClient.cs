using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Core.Results;
using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Probes.Http;

/// <summary>
/// The only way probes talk to a deployment. Every request is checked against the transport rules, bounded in time
/// and response size, recorded as evidence after redaction, and never followed to another origin by a redirect, so a
/// credential cannot be carried to a host it was not meant for. TLS certificates are always validated.
/// </summary>
public sealed class ProbeHttpClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly ProbeHttpOptions _options;
    private readonly IEvidenceSink? _evidence;
    private readonly Redactor _redactor;

    // Why a server certificate was refused, by host: the TLS stack only says "rejected by the callback".
    private readonly ConcurrentDictionary<string, string> _refusals = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="options">Bounds and transport rules.</param>
    /// <param name="evidence">Where each exchange is recorded; null records nothing.</param>
    /// <param name="redactor">Applied to every recorded exchange and error message.</param>
    /// <param name="handler">A handler to use instead of the default (tests pass one trusting their own CA); its
    /// redirect following must be off.</param>
    public ProbeHttpClient(ProbeHttpOptions options, IEvidenceSink? evidence, Redactor redactor, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redactor);
        _options = options;
        _evidence = evidence;
        _redactor = redactor;
        _client = new HttpClient(handler ?? CreateHandler(options, (host, reason) => _refusals[host] = reason), disposeHandler: true)
        {
            // Our own per-request bound applies; this only stops HttpClient's 100 s default from interfering.
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = Math.Max(options.MaxResponseBytes, 1),
        };
    }

    public ProbeHttpOptions Options => _options;

    public Redactor Redactor => _redactor;

    /// <summary>
    /// A handler with redirects off, bounded connect time, no proxy (targets are addressed directly), and server
    /// certificates validated by the options' <see cref="CertificateTrust"/>.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(ProbeHttpOptions options) => CreateHandler(options, null);

    private static SocketsHttpHandler CreateHandler(ProbeHttpOptions options, Action<string, string>? onRefused)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trust = options.Trust;
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                {
                    var host = (sender as SslStream)?.TargetHostName ?? (sender as HttpRequestMessage)?.RequestUri?.IdnHost ?? string.Empty;
                    var presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    var problems = trust.Problems(presented, chain, errors, host);
                    if (problems.Count > 0)
                    {
                        onRefused?.Invoke(host, string.Join("; ", problems));
                    }

                    return problems.Count == 0;
                },
            },
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.RequestTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            // A body left unread (a stream the probe closed, a capped hostile body) closes its connection at once
            // instead of being drained for reuse, so the server sees the client go away.
            MaxResponseDrainSize = 0,
        };
    }

    /// <summary>
    /// Sends the request and reads the response within the options' bounds. Same-origin redirects are followed with
    /// the request's headers; a redirect to another origin is returned unfollowed with
    /// <see cref="ProbeResponse.RedirectNotFollowed"/> set.
    /// </summary>
    /// <exception cref="ProbeFailedException">The URL breaks the transport rules, or the endpoint is unreachable or too slow.</exception>
    public async Task<ProbeResponse> SendAsync(ProbeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RegisterSentCredentials(request);
        var url = request.Url;
        var current = request;
        for (var hop = 0; ; hop++)
        {
            TransportRules.Require(url, _options.AllowInsecureLoopback);
            var response = await SendOnceAsync(current, url, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Header("Location") is not { } location)
            {
                return response;
            }

            if (!Uri.TryCreate(url, location, out var target))
            {
                return response with { RedirectNotFollowed = "the Location header is not a valid URL" };
            }

            if (!TransportRules.SameOrigin(request.Url, target))
            {
                return response with { RedirectNotFollowed = $"redirect to another origin ({target.GetLeftPart(UriPartial.Authority)}) not followed, so no credential is sent there" };
            }

            if (hop >= _options.MaxRedirects)
            {
                return response with { RedirectNotFollowed = $"more than {_options.MaxRedirects} redirects" };
            }

            // 303 (and 301/302 after POST, as browsers do) turn into a GET without a body.
            if (response.StatusCode == HttpStatusCode.SeeOther
                || (current.Method == HttpMethod.Post && response.StatusCode is HttpStatusCode.Moved or HttpStatusCode.Found))
            {
                current = current with { Method = HttpMethod.Get, Body = null };
            }

            url = target;
        }
    }

    // A server may echo a credential back in a form no pattern recognises (the bare base64 of a Basic header, a
    // token without its scheme), so the values actually sent are registered for redaction before anything is recorded.
    private void RegisterSentCredentials(ProbeRequest request)
    {
        foreach (var (_, value) in request.Headers.Where(h => ProbeRequest.IsCredentialHeader(h.Key)))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            _redactor.Secrets.Add(space > 0 ? value[(space + 1)..].Trim() : value);
        }
    }

    /// <summary>
    /// Sends the request and returns as soon as the response headers arrive, leaving the body to be read as a stream
    /// (Server-Sent Events). The same transport rules apply; no redirect is followed (a redirect comes back with
    /// <see cref="ProbeResponseStream.RedirectNotFollowed"/> set). Reading is bounded: each read by the request
    /// timeout, the whole stream by <paramref name="maxDuration"/> and the response size cap. What was read is
    /// recorded as evidence when the stream is disposed.
    /// </summary>
    /// <exception cref="ProbeFailedException">The URL breaks the transport rules, or the endpoint is unreachable or too slow to answer.</exception>
    public async Task<ProbeResponseStream> OpenStreamAsync(ProbeRequest request, TimeSpan maxDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url;
        TransportRules.Require(url, _options.AllowInsecureLoopback);
        RegisterSentCredentials(request);
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lifetime.CancelAfter(maxDuration);
        var started = Stopwatch.GetTimestamp();
        using var message = request.ToHttpRequestMessage(url, withCredentials: true);
        HttpResponseMessage response;
        try
        {
            using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
            headersTimeout.CancelAfter(_options.RequestTimeout);
            response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            lifetime.Dispose();
            throw Fail(request, url, started, $"{TransportRules.Endpoint(url)} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            lifetime.Dispose();
            throw Fail(request, url, started, $"{TransportRules.Endpoint(url)} could not be reached: {Describe(e)}");
        }
        catch
        {
            lifetime.Dispose();
            throw;
        }

        var redirect = IsRedirect(response.StatusCode) ? "redirects are not followed for streamed responses" : null;
        return new ProbeResponseStream(response, url, CollectHeaders(response), redirect, lifetime, _options, started, read => Record(request, url, read, null));
    }

    private async Task<ProbeResponse> SendOnceAsync(ProbeRequest request, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        using var message = request.ToHttpRequestMessage(url, withCredentials: true);
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var (body, truncated) = await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            var result = new ProbeResponse
            {
                Url = url,
                StatusCode = response.StatusCode,
                Headers = CollectHeaders(response),
                Body = body,
                Truncated = truncated,
                Elapsed = Stopwatch.GetElapsedTime(started),
            };
            Record(request, url, result, null);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(request, url, started, $"{TransportRules.Endpoint(url)} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError && _refusals.TryRemove(url.IdnHost.Trim('[', ']'), out var refusal))
        {
            throw Fail(request, url, started, $"{TransportRules.Endpoint(url)} could not be reached: TLS certificate refused: {refusal}");
        }
        catch (HttpRequestException e)
        {
            throw Fail(request, url, started, $"{TransportRules.Endpoint(url)} could not be reached: {Describe(e)}");
        }
    }

    private ProbeFailedException Fail(ProbeRequest request, Uri url, long started, string reason)
    {
        var message = _redactor.Redact(reason);
        Record(request, url, null, $"{message} (after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
        return new ProbeFailedException(message);
    }

    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        SocketException socket => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused (is the service running?)",
            SocketError.HostNotFound or SocketError.NoData => "host not found",
            SocketError.TimedOut => "connection timed out",
            _ => socket.Message,
        },
        System.Security.Authentication.AuthenticationException auth => $"TLS handshake failed: {auth.Message}",
        { } inner when e.HttpRequestError == HttpRequestError.SecureConnectionError => $"TLS handshake failed: {inner.Message}",
        _ => e.Message,
    };

    private async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBytes;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            while (buffer.Length <= cap)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer.ToArray(), false);
                }

                buffer.Write(chunk, 0, read);
            }

            // Stop reading: disposing the response aborts the rest of a hostile body.
            return (buffer.GetBuffer().AsSpan(0, cap).ToArray(), true);
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = [.. values];
        }

        return headers;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.Moved or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // One evidence item per exchange: request line and headers, body (capped), then status, headers, body.
    private void Record(ProbeRequest request, Uri url, ProbeResponse? response, string? failure)
    {
        if (_evidence is null)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append(request.Method.Method).Append(' ').Append(url).AppendLine();
        foreach (var (name, value) in request.Headers)
        {
            text.Append(name).Append(": ").AppendLine(value);
        }

        if (request.Body is not null)
        {
            text.Append("Content-Type: ").AppendLine(request.ContentType).AppendLine().AppendLine(Cap(request.Body));
        }

        text.AppendLine();
        string title;
        if (response is null)
        {
            text.Append("→ ").AppendLine(failure);
            title = $"{request.Method.Method} {TransportRules.Endpoint(url)} → no answer";
        }
        else
        {
            text.Append("→ ").Append(response.Status).Append(' ').Append(response.StatusCode)
                .Append($" ({response.Elapsed.TotalMilliseconds:0} ms)").AppendLine();
            foreach (var (name, values) in response.Headers)
            {
                text.Append(name).Append(": ").AppendLine(string.Join(", ", values));
            }

            text.AppendLine().Append(Cap(response.BodyText));
            if (response.Truncated)
            {
                text.AppendLine().Append($"[body larger than {_options.MaxResponseBytes} bytes; reading stopped there]");
            }

            title = $"{request.Method.Method} {TransportRules.Endpoint(url)} → {response.Status}";
        }

        _evidence.Add(new EvidenceItem("http", _redactor.Redact(title), _redactor.Redact(text.ToString())));
    }

    private string Cap(string body) =>
        body.Length <= _options.MaxEvidenceBodyChars ? body : body[.._options.MaxEvidenceBodyChars] + $"… [{body.Length - _options.MaxEvidenceBodyChars} more characters]";

    public void Dispose() => _client.Dispose();
}
