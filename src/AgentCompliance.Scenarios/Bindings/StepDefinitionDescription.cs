using System.Text.RegularExpressions;

namespace AgentCompliance.Scenarios.Bindings;

/// <summary>
/// One step definition as a feature author needs to know it: keyword, pattern, parameters, and the documentation
/// written on the binding method (<c>&lt;summary&gt;</c>, <c>&lt;example&gt;</c>, <c>&lt;param&gt;</c>).
/// </summary>
public sealed record StepDefinitionDescription
{
    /// <summary>Given, When and/or Then (a method may carry several step attributes with the same pattern).</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    public required string Pattern { get; init; }

    public required StepPatternKind PatternKind { get; init; }

    public IReadOnlyList<StepParameterDescription> Parameters { get; init; } = [];

    /// <summary>The method's <c>&lt;summary&gt;</c> (Markdown: <c>&lt;c&gt;</c> becomes a code span); empty when undocumented.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The method's <c>&lt;example&gt;</c>: a step line as written in a feature file; empty when undocumented.</summary>
    public string Example { get; init; } = string.Empty;

    /// <summary>Full name of the binding class.</summary>
    public required string BindingClass { get; init; }

    /// <summary>The method with its parameter types, e.g. <c>ThenTheTotalIs(int)</c>.</summary>
    public required string Method { get; init; }

    /// <summary>Reqnroll's whole-text regular expression for the pattern; null for an invalid pattern.</summary>
    internal Regex? Regex { get; init; }

    /// <summary>Whether Reqnroll would bind this step text (without its keyword) to this definition's pattern.</summary>
    public bool MatchesText(string stepText)
    {
        ArgumentNullException.ThrowIfNull(stepText);
        return Regex?.Match(stepText) is { Success: true } match && match.Length == stepText.Length;
    }
}
