using System.Text.Json.Serialization;

namespace AgentCompliance.Reporting.Json;

/// <summary>Source-generated serialization metadata for results.json (no reflection at run time).</summary>
[JsonSerializable(typeof(ResultsDocument))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
