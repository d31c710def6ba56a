using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Core.SystemModels;

/// <summary>
/// What the schema cannot check: ids unique across the whole model, and every reference naming an element of the
/// right kind. Problems point at the reference itself, with the closest existing id as a hint.
/// </summary>
internal static class SystemModelChecks
{
    private static readonly (string Key, string Singular)[] Categories =
    [
        ("agents", "an agent"),
        ("humans", "a human"),
        ("identities", "an identity"),
        ("services", "a service"),
        ("tools", "a tool"),
        ("dataStores", "a data store"),
        ("externalServices", "an external service"),
        ("trustBoundaries", "a trust boundary"),
        ("flows", "a flow"),
    ];

    private static readonly string[] FlowEndpoints = ["agents", "humans", "services", "tools", "dataStores", "externalServices"];

    private static readonly Reference[] References =
    [
        new("identities", "usedBy", ["agents", "humans"], "an agent or human"),
        new("identities", "issuedBy", ["services"], "a service"),
        new("agents", "tools", ["tools"], "a tool"),
        new("tools", "server", ["services"], "a service"),
        new("trustBoundaries", "contains", ["agents", "humans", "identities", "services", "tools", "dataStores", "externalServices", "trustBoundaries"],
            "an element other than a flow"),
        new("flows", "from", FlowEndpoints, "an agent, human, service, tool, data store or external service"),
        new("flows", "to", FlowEndpoints, "an agent, human, service, tool, data store or external service"),
        new("flows", "identity", ["identities"], "an identity"),
        new("flows", "tools", ["tools"], "a tool"),
    ];

    public static IReadOnlyList<InputProblem> Check(PositionedDocument document)
    {
        var problems = new List<InputProblem>();
        var root = (JObject)document.Root;
        var definitions = CollectIds(document, root, problems);

        foreach (var reference in References)
        {
            foreach (var element in (root[reference.Category] as JArray)?.OfType<JObject>() ?? [])
            {
                var values = element[reference.Field] switch
                {
                    JArray list => list.OfType<JValue>(),
                    JValue single => [single],
                    _ => [],
                };

                foreach (var value in values.Where(v => v.Type == JTokenType.String))
                {
                    CheckReference(document, reference, element, value, definitions, problems);
                }
            }
        }

        return [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Column)];
    }

    private static Dictionary<string, Definition> CollectIds(PositionedDocument document, JObject root, List<InputProblem> problems)
    {
        var definitions = new Dictionary<string, Definition>(StringComparer.Ordinal);
        foreach (var (key, singular) in Categories)
        {
            foreach (var id in (root[key] as JArray)?.Select(e => e["id"]).OfType<JValue>() ?? [])
            {
                var text = (string)id!;
                if (definitions.TryGetValue(text, out var first))
                {
                    problems.Add(document.ProblemAt(id, $"{id.Path}: duplicate id",
                        $"ids must be unique across the whole model; it is already used by {first.Singular} at line {document.PositionOf(first.Token).Line}"));
                }
                else
                {
                    definitions[text] = new Definition(key, singular, id);
                }
            }
        }

        return definitions;
    }

    private static void CheckReference(PositionedDocument document, Reference reference, JObject element, JValue value,
        Dictionary<string, Definition> definitions, List<InputProblem> problems)
    {
        var id = (string)value!;
        var candidates = definitions.Where(d => reference.Targets.Contains(d.Value.Category)).Select(d => d.Key).ToList();

        if (!definitions.TryGetValue(id, out var target))
        {
            var suggestion = SpellingSuggestion.Closest(id, candidates);
            problems.Add(document.ProblemAt(value, $"{value.Path}: refers to an id that is not defined",
                suggestion is not null ? $"did you mean '{suggestion}'?" : $"define {reference.Expected} with this id, or fix the reference"));
        }
        else if (!reference.Targets.Contains(target.Category))
        {
            var suggestion = SpellingSuggestion.Closest(id, candidates);
            problems.Add(document.ProblemAt(value, $"{value.Path}: must refer to {reference.Expected}, but this id is {target.Singular}",
                suggestion is not null ? $"did you mean '{suggestion}'?" : $"use the id of {reference.Expected}"));
        }
        else if (reference.Field == "contains" && ReferenceEquals(element["id"], target.Token))
        {
            problems.Add(document.ProblemAt(value, $"{value.Path}: a trust boundary cannot contain itself", "remove this entry"));
        }
    }

    private sealed record Reference(string Category, string Field, string[] Targets, string Expected);

    private sealed record Definition(string Category, string Singular, JValue Token);
}
