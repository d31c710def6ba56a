namespace AgentCompliance.Reporting.Json;

/// <summary>Scenario counts per status in results.json; written for readers that do not recount.</summary>
internal sealed record SummaryDocument(int Total, int Passed, int Failed, int Undefined, int Pending, int Ambiguous, int Skipped, int NotRun);
