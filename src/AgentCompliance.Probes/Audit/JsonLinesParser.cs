using System.Text;
using System.Text.Json;

namespace AgentCompliance.Probes.Audit;

/// <summary>Splits JSON-lines text into audit entries; every line becomes an event or a located problem.</summary>
internal static class JsonLinesParser
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <param name="data">The bytes read.</param>
    /// <param name="source">The file or endpoint, for locations.</param>
    /// <param name="firstLineNumber">The number of the first line, or null when unknown (locations then name byte offsets).</param>
    /// <param name="firstByteOffset">Where <paramref name="data"/> starts in the trail.</param>
    /// <param name="limits">The line-length limit.</param>
    /// <param name="lastLineMayBeIncomplete">True when the trail may still be writing its last line (a file, or a capped body).</param>
    /// <param name="notes">Receives what a reader should know (a skipped incomplete last line).</param>
    public static List<AuditEntry> Parse(ReadOnlySpan<byte> data, string source, long? firstLineNumber, long firstByteOffset, AuditTrailLimits limits, bool lastLineMayBeIncomplete, List<string> notes)
    {
        var entries = new List<AuditEntry>();
        var lineNumber = firstLineNumber;

        // Writers that open files as "UTF-8 with signature" put a byte order mark before the first event.
        var offset = firstByteOffset == 0 && data.StartsWith(Utf8ByteOrderMark) ? Utf8ByteOrderMark.Length : 0;
        while (offset < data.Length)
        {
            var end = data[offset..].IndexOf((byte)'\n');
            var terminated = end >= 0;
            var line = terminated ? data.Slice(offset, end) : data[offset..];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            var location = lineNumber is { } number ? $"{source}:{number}" : $"{source} (byte {firstByteOffset + offset})";
            if (!IsBlank(line))
            {
                var entry = Entry(line, location, limits);
                if (!terminated && lastLineMayBeIncomplete && entry.Problem is not null)
                {
                    notes.Add($"{location}: the last line is incomplete (still being written?) and was not read");
                }
                else
                {
                    entries.Add(entry);
                }
            }

            offset = terminated ? offset + end + 1 : data.Length;
            lineNumber++;
        }

        return entries;
    }

    /// <summary>One line or array item as an entry.</summary>
    public static AuditEntry Entry(ReadOnlySpan<byte> line, string location, AuditTrailLimits limits)
    {
        var text = Encoding.UTF8.GetString(line);
        if (line.Length > limits.MaxLineBytes)
        {
            return new AuditEntry(location, text, null, $"the line is {line.Length} bytes long, more than the {limits.MaxLineBytes}-byte limit for one event; it was not parsed");
        }

        try
        {
            using var document = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new AuditEntry(location, text, document.RootElement.Clone(), null)
                : new AuditEntry(location, text, null, $"not a JSON object but {Article(document.RootElement.ValueKind)}");
        }
        catch (JsonException e)
        {
            // The parser's message quotes the offending character; the column is enough and cannot leak a value.
            return new AuditEntry(location, text, null, $"not valid JSON (error at column {(e.BytePositionInLine ?? 0) + 1})");
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
