using System.Collections.Concurrent;
using System.Globalization;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Remembers which binding a step text matched, so a step text seen before skips the regex scan over every binding
/// and Reqnroll's per-match reflection (each new <see cref="BindingMatch"/> reads the method's custom attributes):
/// together most of the engine's per-step cost. Suites repeat their step texts a great deal.
/// <para>
/// Only what cannot differ between two steps with the same text is cached: unambiguous matches of steps without a
/// table or doc string (those travel inside the match's arguments), and nothing at all when a binding is scoped
/// (its match depends on the scenario's tags and titles). A cached match carries the step context of the step that
/// first matched; Reqnroll passes it only to step-error plugins, which this host never loads.
/// </para>
/// </summary>
internal sealed class CachingStepDefinitionMatchService(StepDefinitionMatchService inner, IBindingRegistry registry) : IStepDefinitionMatchService
{
    // Generated suites with a unique text per step would otherwise grow the cache without bound.
    private const int MaximumEntries = 20_000;

    private readonly ConcurrentDictionary<(StepDefinitionType Type, string Text, string Culture), BindingMatch> _matches = new();
    private bool? _hasScopedBindings;

    public bool Ready => inner.Ready;

    public BindingMatch GetBestMatch(StepInstance stepInstance, CultureInfo bindingCulture, out StepDefinitionAmbiguityReason ambiguityReason, out List<BindingMatch> candidatingMatches)
    {
        ArgumentNullException.ThrowIfNull(stepInstance);
        ArgumentNullException.ThrowIfNull(bindingCulture);
        var cacheable = stepInstance.MultilineTextArgument is null && stepInstance.TableArgument is null && !HasScopedBindings();
        var key = (stepInstance.StepDefinitionType, stepInstance.Text, bindingCulture.Name);
        if (cacheable && _matches.TryGetValue(key, out var known))
        {
            ambiguityReason = StepDefinitionAmbiguityReason.None;
            candidatingMatches = [known];
            return known;
        }

        var match = inner.GetBestMatch(stepInstance, bindingCulture, out ambiguityReason, out candidatingMatches);
        if (cacheable && match.Success && ambiguityReason == StepDefinitionAmbiguityReason.None && _matches.Count < MaximumEntries)
        {
            _matches.TryAdd(key, match);
        }

        return match;
    }

    public BindingMatch Match(IStepDefinitionBinding stepDefinitionBinding, StepInstance stepInstance, CultureInfo bindingCulture, bool useRegexMatching = true, bool useParamMatching = true, bool useScopeMatching = true) =>
        inner.Match(stepDefinitionBinding, stepInstance, bindingCulture, useRegexMatching, useParamMatching, useScopeMatching);

    // Read once the registry is complete (bindings are all registered before the first step runs).
    private bool HasScopedBindings() => _hasScopedBindings ??= registry.GetStepDefinitions().Any(binding => binding.IsScoped);
}
