using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scriban.Runtime;

namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>Writes the threat-model document as threat-model.json (schema: threat-model.schema.json in Core).</summary>
public static class ThreatModelJsonWriter
{
    public const string FileName = "threat-model.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Read by tools and people, never embedded in HTML: keep <, > and & readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ScriptObject document, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new Utf8JsonWriter(destination, Options);
        WriteValue(writer, document);
    }

    public static string Serialize(ScriptObject document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case ScriptObject obj:
                writer.WriteStartObject();
                foreach (var (key, item) in obj)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"threat-model.json cannot hold a {value.GetType().Name}");
        }
    }
}
