namespace AgentCompliance.Scenarios.Parsing;

/// <summary>One step of a scenario as it will be executed: outline placeholders already substituted.</summary>
/// <param name="Keyword">The keyword as written, with its trailing space (e.g. <c>"Given "</c>, <c>"Angenommen "</c>).</param>
/// <param name="Kind">The runner call the keyword maps to.</param>
/// <param name="Text">Step text after outline substitution.</param>
/// <param name="Line">Line of the step in the feature file (background steps keep their own line).</param>
/// <param name="DocString">The DocString argument, if any.</param>
/// <param name="DataTable">The DataTable argument (first row is the header), if any.</param>
public sealed record PlannedStep(
    string Keyword,
    StepKeywordKind Kind,
    string Text,
    int Line,
    string? DocString,
    IReadOnlyList<IReadOnlyList<string>>? DataTable);
