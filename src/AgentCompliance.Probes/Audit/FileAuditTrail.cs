using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Audit;

/// <summary>
/// A JSON-lines audit trail in a local file, read while the deployment may still be appending to it: never more than
/// the byte limit (the newest part of a larger file), and never a half-written last line.
/// </summary>
public sealed class FileAuditTrail(string path, AuditTrailLimits limits) : IAuditTrail
{
    public string Source => path;

    public async Task<AuditTrailMark> MarkAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return new AuditTrailMark(0, 0);
        }

        var stream = Open();
        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;

            // The mark sits after the last complete line: a line being written now belongs to what comes after.
            var tailLength = (int)Math.Min(length, limits.MaxLineBytes + 1L);
            var tail = await ReadAsync(stream, length - tailLength, tailLength, cancellationToken).ConfigureAwait(false);
            var lastNewline = Array.LastIndexOf(tail, (byte)'\n');
            var position = lastNewline >= 0 ? length - tailLength + lastNewline + 1 : tailLength == length ? 0 : length;

            // Exact line numbers only when counting them stays within the read limit.
            long? lines = null;
            if (position <= limits.MaxBytes)
            {
                var head = await ReadAsync(stream, 0, (int)position, cancellationToken).ConfigureAwait(false);
                lines = head.Count(b => b == (byte)'\n');
            }

            return new AuditTrailMark(position, lines);
        }
    }

    public async Task<AuditTrailSnapshot> ReadAsync(AuditTrailMark? since, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new ProbeFailedException($"the audit trail {path} does not exist: check target.auditLog.file, and that the deployment writes its audit events there");
        }

        try
        {
            var stream = Open();
            await using (stream.ConfigureAwait(false))
            {
                return await ReadFromAsync(stream, since, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProbeFailedException($"the audit trail {path} cannot be read: {e.Message}");
        }
    }

    private async Task<AuditTrailSnapshot> ReadFromAsync(FileStream stream, AuditTrailMark? since, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var length = stream.Length;
        var start = since?.Position ?? 0;
        long? firstLine = since is null ? 1 : since.LineNumber + 1;
        if (start > length)
        {
            notes.Add($"{path} is shorter than when it was marked (rotated or truncated?); it was read from its start");
            (start, firstLine) = (0, 1);
        }

        var truncated = length - start > limits.MaxBytes;
        if (truncated)
        {
            notes.Add($"{path} has {length - start} bytes to read, more than the {limits.MaxBytes}-byte limit; only its newest {limits.MaxBytes} bytes were read");
            (start, firstLine) = (length - limits.MaxBytes, null);
        }

        var data = await ReadAsync(stream, start, (int)(length - start), cancellationToken).ConfigureAwait(false);
        var skip = 0;
        if (truncated)
        {
            // The cut almost certainly fell inside a line; that partial line is not an event.
            skip = Array.IndexOf(data, (byte)'\n') + 1;
        }

        var entries = JsonLinesParser.Parse(data.AsSpan(skip), path, firstLine, start + skip, limits, lastLineMayBeIncomplete: true, notes);
        if (entries.Count > limits.MaxEvents)
        {
            notes.Add($"{path} holds {entries.Count} events to read, more than the {limits.MaxEvents}-event limit; only the newest {limits.MaxEvents} were kept");
            entries = entries[^limits.MaxEvents..];
            truncated = true;
        }

        return new AuditTrailSnapshot(path, entries, truncated, notes);
    }

    private static async Task<byte[]> ReadAsync(FileStream stream, long offset, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        stream.Seek(offset, SeekOrigin.Begin);
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    // The deployment keeps writing (and may rotate) while the harness reads.
    private FileStream Open() => new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
}
