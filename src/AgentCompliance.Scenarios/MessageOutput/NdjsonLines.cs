using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Io.Cucumber.Messages.Types;

namespace AgentCompliance.Scenarios.MessageOutput;

/// <summary>Appends envelopes as NDJSON lines (UTF-8, one envelope per line) to a buffer.</summary>
internal static class NdjsonLines
{
    // Relaxed escaping as Reqnroll's serializer does: '+' in media types and non-ASCII text stay readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // One JSON writer per thread, pointed at each buffer in turn: a test case has a dozen envelopes or more.
    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static void Append(ArrayBufferWriter<byte> buffer, Envelope envelope)
    {
        var writer = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, envelope, EnvelopeJsonContext.Default.Envelope);
        writer.Flush();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }
}
