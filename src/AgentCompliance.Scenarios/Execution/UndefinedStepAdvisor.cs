using System.Globalization;
using AgentCompliance.Core.Diagnostics;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BindingSkeletons;
using Reqnroll.Configuration;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>
/// Helps the author of an undefined step: Reqnroll's own step-definition snippet, plus the existing step patterns
/// closest to the text (by edit distance), which usually reveals a typo or a wording drift.
/// </summary>
internal sealed class UndefinedStepAdvisor(IStepDefinitionSkeletonProvider skeletons, ReqnrollConfiguration configuration, IBindingRegistry registry)
{
    private const int MaxCandidates = 3;

    public string Snippet(StepInstance step)
    {
        var culture = configuration.BindingCulture ?? step.StepContext?.Language ?? CultureInfo.InvariantCulture;
        return skeletons.GetStepDefinitionSkeleton(ProgrammingLanguage.CSharp, step, configuration.StepDefinitionSkeletonStyle, culture).Trim();
    }

    public IReadOnlyList<string> ClosestPatterns(string stepText)
    {
        var text = stepText.ToLowerInvariant();
        return registry.GetStepDefinitions()
            .Where(binding => binding.IsValid)
            .Select(binding => (Binding: binding, Pattern: ComparablePattern(binding)))
            .Select(entry => (entry.Binding, Distance: SpellingSuggestion.Distance(text, entry.Pattern), Length: Math.Max(text.Length, entry.Pattern.Length)))
            .Where(entry => entry.Distance <= Math.Max(4, entry.Length / 2))
            .OrderBy(entry => entry.Distance)
            .ThenBy(entry => entry.Binding.SourceExpression, StringComparer.Ordinal)
            .Take(MaxCandidates)
            .Select(entry => BindingDescriptions.StepDefinition(entry.Binding))
            .ToList();
    }

    private static string ComparablePattern(IStepDefinitionBinding binding)
    {
        var pattern = binding.SourceExpression ?? string.Empty;
        if (string.Equals(binding.ExpressionType, "RegularExpression", StringComparison.Ordinal))
        {
            pattern = pattern.TrimStart('^').TrimEnd('$');
        }

        return pattern.ToLowerInvariant();
    }
}
