namespace AgentCompliance.Scenarios.Parsing;

/// <summary>A tag as written in a feature file (feature, rule, scenario or examples), with its position.</summary>
/// <param name="Name">The tag without the leading <c>@</c>.</param>
/// <param name="Line">1-based line of the tag.</param>
/// <param name="Column">1-based column of the tag's <c>@</c>.</param>
public sealed record TagOccurrence(string Name, int Line, int Column);
