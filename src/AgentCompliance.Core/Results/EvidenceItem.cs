namespace AgentCompliance.Core.Results;

/// <summary>
/// Something a step observed and attached as proof: an HTTP exchange, decoded token claims, a code finding, a note.
/// Text is redacted before it is stored here; writers print it as-is.
/// </summary>
/// <param name="Kind">Machine-readable kind, e.g. <c>http</c>, <c>claims</c>, <c>finding</c>, <c>note</c>.</param>
/// <param name="Title">One line a reader scans, e.g. <c>POST https://idp/token → 200</c>.</param>
/// <param name="Text">The body of the evidence (already capped in size and redacted).</param>
public sealed record EvidenceItem(string Kind, string Title, string Text);
