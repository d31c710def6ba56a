namespace AgentCompliance.Reporting.Json;

/// <summary>One reason the gate failed, in results.json.</summary>
internal sealed record GateReasonDocument(string Kind, string Message);
