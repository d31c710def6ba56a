namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// A pattern of tool poisoning found in a tool definition.
/// </summary>
/// <param name="Tool">The tool's name (with invisible characters made visible).</param>
/// <param name="Location">Where in the definition, as a JSON path such as <c>description</c> or <c>inputSchema.properties.path.description</c>.</param>
/// <param name="Pattern">What was found, in words an assessor reads (e.g. "zero-width characters (U+200B)").</param>
/// <param name="Excerpt">The text around the match, invisible characters shown as <c>&lt;U+XXXX&gt;</c>.</param>
public sealed record PoisoningFinding(string Tool, string Location, string Pattern, string Excerpt)
{
    public override string ToString() => $"tool '{Tool}' {Location}: {Pattern}: \"{Excerpt}\"";
}
