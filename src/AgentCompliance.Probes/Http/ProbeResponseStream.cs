using System.Diagnostics;
using System.Net;
using System.Text;

namespace AgentCompliance.Probes.Http;

/// <summary>
/// A response whose body is read as it arrives (Server-Sent Events), one line at a time. Every read is bounded by
/// the request timeout, the whole stream by its maximum duration, and the bytes read by the response size cap, so a
/// server that never stops sending or never sends cannot hold a probe. Disposing records the exchange as evidence
/// with what was read, and closes the connection.
/// </summary>
public sealed class ProbeResponseStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _lifetime;
    private readonly ProbeHttpOptions _options;
    private readonly long _started;
    private readonly Action<ProbeResponse> _record;
    private readonly MemoryStream _read = new();
    private readonly byte[] _chunk = new byte[8 * 1024];
    private Stream? _body;
    private int _position;
    private int _filled;
    private bool _ended;
    private bool _disposed;

    internal ProbeResponseStream(
        HttpResponseMessage response,
        Uri url,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string? redirectNotFollowed,
        CancellationTokenSource lifetime,
        ProbeHttpOptions options,
        long started,
        Action<ProbeResponse> record)
    {
        _response = response;
        Url = url;
        Headers = headers;
        RedirectNotFollowed = redirectNotFollowed;
        _lifetime = lifetime;
        _options = options;
        _started = started;
        _record = record;
    }

    public Uri Url { get; }

    public HttpStatusCode StatusCode => _response.StatusCode;

    public int Status => (int)StatusCode;

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Response and content headers; names compare case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Set when the response was a redirect, which is never followed for a stream.</summary>
    public string? RedirectNotFollowed { get; }

    public string? ContentType => Header("Content-Type");

    /// <summary>True when the media type is <c>text/event-stream</c>.</summary>
    public bool IsEventStream => ContentType?.Split(';')[0].Trim().Equals("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>
    /// The next line without its terminator (LF, CRLF or a lone CR, as Server-Sent Events allow), or null at the end
    /// of the stream.
    /// </summary>
    /// <exception cref="ProbeFailedException">Nothing arrived within the request timeout, the stream outlived its
    /// maximum duration, or it sent more than the size cap.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_position == _filled)
            {
                if (_ended || !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return line.Count > 0 ? Encoding.UTF8.GetString([.. line]) : null;
                }
            }

            var b = _chunk[_position++];
            if (b == (byte)'\n')
            {
                return Encoding.UTF8.GetString([.. line]);
            }

            if (b == (byte)'\r')
            {
                // CRLF counts as one terminator: drop the LF that may follow (possibly in the next chunk).
                if (_position == _filled && !_ended)
                {
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                }

                if (_position < _filled && _chunk[_position] == (byte)'\n')
                {
                    _position++;
                }

                return Encoding.UTF8.GetString([.. line]);
            }

            line.Add(b);
        }
    }

    /// <summary>Reads the rest of the body (bounded) and returns the whole response as read.</summary>
    public async Task<ProbeResponse> ReadToEndAsync(CancellationToken cancellationToken = default)
    {
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
        }

        return Snapshot();
    }

    /// <summary>The response with the body read so far.</summary>
    public ProbeResponse Snapshot() => new()
    {
        Url = Url,
        StatusCode = StatusCode,
        Headers = Headers,
        Body = _read.ToArray(),
        Truncated = false,
        Elapsed = Stopwatch.GetElapsedTime(_started),
        RedirectNotFollowed = RedirectNotFollowed,
    };

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        read.CancelAfter(_options.RequestTimeout);
        try
        {
            _body ??= await _response.Content.ReadAsStreamAsync(read.Token).ConfigureAwait(false);
            var count = await _body.ReadAsync(_chunk, read.Token).ConfigureAwait(false);
            if (count == 0)
            {
                _ended = true;
                _position = _filled = 0;
                return false;
            }

            if (_read.Length + count > _options.MaxResponseBytes)
            {
                _ended = true;
                throw new ProbeFailedException($"{TransportRules.Endpoint(Url)} streamed more than {_options.MaxResponseBytes} bytes; reading stopped there");
            }

            _read.Write(_chunk, 0, count);
            _position = 0;
            _filled = count;
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _ended = true;
            throw new ProbeFailedException(_lifetime.IsCancellationRequested
                ? $"{TransportRules.Endpoint(Url)} kept the stream open longer than this probe waits; reading stopped"
                : $"{TransportRules.Endpoint(Url)} sent nothing within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            _ended = true;
            throw new ProbeFailedException($"{TransportRules.Endpoint(Url)} broke off the stream: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _record(Snapshot());
        if (_body is not null)
        {
            await _body.DisposeAsync().ConfigureAwait(false);
        }

        _response.Dispose();
        _lifetime.Dispose();
        await _read.DisposeAsync().ConfigureAwait(false);
    }
}
