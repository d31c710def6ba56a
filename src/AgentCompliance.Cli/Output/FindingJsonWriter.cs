using System.Text.Encodings.Web;
using System.Text.Json;
using AgentCompliance.Analysis.Model;

namespace AgentCompliance.Cli.Output;

/// <summary>
/// Machine-readable findings. Stable shape; fields are only added, <c>formatVersion</c> changes otherwise:
/// <code>
/// { "formatVersion": 1, "root", "files", "warnings": [],
///   "findings": [ { "ruleId", "level", "message", "path", "startLine", "startColumn", "endLine", "endColumn",
///                   "controls": [], "fingerprint", "suppressed", "justification"|null } ] }
/// </code>
/// </summary>
internal static class FindingJsonWriter
{
    public const int FormatVersion = 1;

    public static void Write(TextWriter output, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("root", report.RootDirectory);
            json.WriteNumber("files", report.FileCount);
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule.Id);
                json.WriteString("level", finding.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", finding.Message);
                json.WriteString("path", finding.RelativePath);
                json.WriteNumber("startLine", finding.Location.StartLine);
                json.WriteNumber("startColumn", finding.Location.StartColumn);
                json.WriteNumber("endLine", finding.Location.EndLine);
                json.WriteNumber("endColumn", finding.Location.EndColumn);
                json.WriteStartArray("controls");
                foreach (var control in finding.Rule.Controls)
                {
                    json.WriteStringValue(control);
                }

                json.WriteEndArray();
                json.WriteString("fingerprint", finding.Fingerprint);
                json.WriteBoolean("suppressed", finding.IsSuppressed);
                json.WriteString("justification", finding.Suppression?.Justification);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
