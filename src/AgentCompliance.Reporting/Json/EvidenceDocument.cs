namespace AgentCompliance.Reporting.Json;

/// <summary>One evidence item in results.json.</summary>
internal sealed record EvidenceDocument(string Kind, string Title, string Text);
