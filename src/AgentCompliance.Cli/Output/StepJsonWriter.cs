using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentCompliance.Scenarios.Bindings;

namespace AgentCompliance.Cli.Output;

/// <summary>
/// Machine-readable step listing (editor plug-ins, linters). Fields are only ever added; <c>formatVersion</c> changes
/// if anything is removed or renamed:
/// <code>
/// { "formatVersion": 1,
///   "steps": [ { "keywords": ["Given"|"When"|"Then"], "pattern", "patternKind", "parameters": [ { "name", "type", "description" } ],
///     "description", "example", "bindingClass", "method", "assembly" } ] }
/// </code>
/// <c>patternKind</c> is cucumberExpression, regularExpression or methodName; undocumented text is an empty string.
/// </summary>
internal static class StepJsonWriter
{
    public const int FormatVersion = 1;

    public static string Write(StepCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartArray("steps");
            foreach (var bindingClass in catalog.Classes)
            {
                foreach (var step in bindingClass.Steps)
                {
                    WriteStep(json, bindingClass, step);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteStep(Utf8JsonWriter json, StepBindingClassDescription bindingClass, StepDefinitionDescription step)
    {
        json.WriteStartObject();
        json.WriteStartArray("keywords");
        foreach (var keyword in step.Keywords)
        {
            json.WriteStringValue(keyword);
        }

        json.WriteEndArray();
        json.WriteString("pattern", step.Pattern);
        json.WriteString("patternKind", JsonNamingPolicy.CamelCase.ConvertName(step.PatternKind.ToString()));
        json.WriteStartArray("parameters");
        foreach (var parameter in step.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", parameter.Name);
            json.WriteString("type", parameter.Type);
            json.WriteString("description", parameter.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("description", step.Description);
        json.WriteString("example", step.Example);
        json.WriteString("bindingClass", step.BindingClass);
        json.WriteString("method", step.Method);
        json.WriteString("assembly", bindingClass.AssemblyName);
        json.WriteEndObject();
    }
}
