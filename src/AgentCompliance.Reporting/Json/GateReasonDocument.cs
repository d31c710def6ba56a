using System.Text.Json.Serialization;

namespace AgentCompliance.Reporting.Json;

/// <summary>One reason the gate failed, in results.json; <c>scenarios</c> (IDs it blames) only when it blames any.</summary>
internal sealed record GateReasonDocument(
    string Kind,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Scenarios = null);
