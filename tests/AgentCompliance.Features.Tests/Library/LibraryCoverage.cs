using AgentCompliance.Core.Catalog;
using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Parsing;
using AgentCompliance.Scenarios.Tags;

namespace AgentCompliance.Features.Tests.Library;

/// <summary>
/// What a folder of feature files covers, read from the files themselves: which catalog controls its runnable
/// (non-<c>@ignore</c>) scenarios tag — a MAESTRO threat tag also covers its layer — and which tags or severities are wrong.
/// </summary>
internal sealed class LibraryCoverage
{
    private LibraryCoverage(IReadOnlyDictionary<string, List<string>> scenariosByControl, IReadOnlyList<string> problems, int scenarioCount)
    {
        ScenariosByControl = scenariosByControl;
        Problems = problems;
        ScenarioCount = scenarioCount;
    }

    /// <summary>Canonical control ID → <c>path:line Scenario name</c> of each runnable scenario tagging it (or a child of it).</summary>
    public IReadOnlyDictionary<string, List<string>> ScenariosByControl { get; }

    /// <summary>Control-shaped tags the catalog does not know, and scenarios without exactly one known severity or without a control.</summary>
    public IReadOnlyList<string> Problems { get; }

    public int ScenarioCount { get; }

    public IEnumerable<string> Missing(IEnumerable<string> required, ControlCatalog catalog) =>
        required.Select(catalog.Normalize).Where(id => !ScenariosByControl.ContainsKey(id));

    public static LibraryCoverage Of(string folder, ControlCatalog catalog)
    {
        var features = FeatureParser.ParseAll(FeatureFileDiscovery.Discover([folder], folder));
        var mapper = new CatalogControlTagMapper(catalog);
        var byControl = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var count = 0;
        foreach (var feature in features)
        {
            problems.AddRange(feature.TagOccurrences
                .Where(tag => mapper.ProblemWith(tag.Name) is not null)
                .Select(tag => $"{feature.File.DisplayPath}:{tag.Line}:{tag.Column}: {mapper.ProblemWith(tag.Name)}"));
            foreach (var scenario in feature.Scenarios)
            {
                count++;
                var where = $"{scenario.Id} {scenario.Name}";
                var severities = scenario.Tags.Where(tag => tag.StartsWith("severity:", StringComparison.OrdinalIgnoreCase)).ToList();
                if (severities.Count != 1 || !SeverityTag.IsKnown(severities[0]["severity:".Length..].ToLowerInvariant()))
                {
                    problems.Add($"{where}: needs exactly one severity tag, has [{string.Join(", ", severities)}]");
                }

                var controls = mapper.ControlsFor(scenario.Tags);
                if (controls.Count == 0)
                {
                    problems.Add($"{where}: tags no catalog control");
                }

                if (scenario.Tags.Any(tag => tag.Equals("ignore", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (var id in controls.SelectMany(id => WithAncestors(catalog, id)).Distinct(StringComparer.Ordinal))
                {
                    if (!byControl.TryGetValue(id, out var scenarios))
                    {
                        byControl[id] = scenarios = [];
                    }

                    scenarios.Add(where);
                }
            }
        }

        return new LibraryCoverage(byControl, problems, count);
    }

    private static IEnumerable<string> WithAncestors(ControlCatalog catalog, string id)
    {
        for (var control = catalog.Resolve(id); control is not null; control = control.Parent is { } parent ? catalog.Resolve(parent) : null)
        {
            yield return control.Id;
        }
    }
}
