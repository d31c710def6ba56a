using System.Text.Encodings.Web;
using System.Text.Json;
using AgentCompliance.Core.Catalog;

namespace AgentCompliance.Cli.Output;

/// <summary>
/// Machine-readable listing. The shape is stable; fields are only ever added, and <c>formatVersion</c> changes if
/// anything is removed or renamed:
/// <code>
/// { "formatVersion": 1,
///   "frameworks": [ { "id", "name", "version"|null, "reference"|null, "notes"|null, "builtIn", "prefixes": [],
///     "controls": [ { "id", "name", "kind", "parent"|null, "testable", "description", "aliases": [], "related": [] } ] } ] }
/// </code>
/// <c>kind</c> is one of risk, threat, layer, function, category, subcategory, control; <c>related</c> lists every
/// control linked by a crosswalk in either direction, by canonical ID.
/// </summary>
internal static class ControlJsonWriter
{
    public const int FormatVersion = 1;

    public static void Write(TextWriter output, ControlCatalog catalog, IReadOnlyList<Framework> frameworks)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(frameworks);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartArray("frameworks");
            foreach (var framework in frameworks)
            {
                WriteFramework(json, catalog, framework);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteFramework(Utf8JsonWriter json, ControlCatalog catalog, Framework framework)
    {
        json.WriteStartObject();
        json.WriteString("id", framework.Id);
        json.WriteString("name", framework.Name);
        json.WriteString("version", framework.Version);
        json.WriteString("reference", framework.Reference);
        json.WriteString("notes", framework.Notes);
        json.WriteBoolean("builtIn", framework.IsBuiltIn);
        WriteStrings(json, "prefixes", framework.Prefixes);
        json.WriteStartArray("controls");
        foreach (var control in catalog.Controls.Where(control => control.FrameworkId == framework.Id))
        {
            json.WriteStartObject();
            json.WriteString("id", control.Id);
            json.WriteString("name", control.Name);
            json.WriteString("kind", control.Kind.ToString().ToLowerInvariant());
            json.WriteString("parent", control.Parent);
            json.WriteBoolean("testable", control.Testable);
            json.WriteString("description", control.Description);
            WriteStrings(json, "aliases", control.Aliases);
            WriteStrings(json, "related", catalog.Related(control).Select(related => related.Id));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
