using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Discovery;
using AgentCompliance.Scenarios.Parsing;
using AgentCompliance.Scenarios.Tags;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// Checks feature files the way <c>run</c> would before executing them, without loading any binding: the Gherkin must
/// parse and every control-shaped tag must name a control of the catalog (built-in plus the profile's catalogs).
/// </summary>
internal static class FeatureTagValidation
{
    private const string Hint = "use an ID from 'agentcompliance controls', or add it to a catalog named in the profile";

    /// <summary>Adds one located problem per unreadable file, syntax error or unknown control tag; prints <c>ok: file</c> for clean files.</summary>
    public static void Validate(IReadOnlyList<string> sources, ControlCatalog catalog, List<InputProblem> problems, TextWriter output)
    {
        IReadOnlyList<ParsedFeature> features;
        try
        {
            features = FeatureParser.ParseAll(FeatureFileDiscovery.Discover(sources, Environment.CurrentDirectory));
        }
        catch (InvalidInputException invalid)
        {
            problems.AddRange(invalid.Problems);
            return;
        }

        var mapper = new CatalogControlTagMapper(catalog);
        foreach (var feature in features)
        {
            var found = feature.TagOccurrences
                .Select(tag => (Tag: tag, Problem: mapper.ProblemWith(tag.Name)))
                .Where(entry => entry.Problem is not null)
                .Select(entry => new InputProblem(feature.File.DisplayPath, entry.Tag.Line, entry.Tag.Column, entry.Problem!, Hint))
                .ToList();
            if (found.Count == 0)
            {
                output.WriteLine($"ok: {feature.File.DisplayPath}");
            }

            problems.AddRange(found);
        }
    }
}
