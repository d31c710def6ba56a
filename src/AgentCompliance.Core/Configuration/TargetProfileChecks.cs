using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Rules a JSON Schema cannot express: unique names, references between entries, files that must exist, and the
/// transport rule that keeps credentials off plain http beyond loopback. Runs on the positioned tree so each problem
/// points at the offending line.
/// </summary>
internal static class TargetProfileChecks
{
    private static readonly HashSet<string> UrlKeys = new(StringComparer.Ordinal)
    {
        "issuer", "tokenEndpoint", "introspectionEndpoint", "revocationEndpoint", "jwksUri", "baseUrl", "url", "resource",
    };

    public static IReadOnlyList<InputProblem> Check(PositionedDocument document, string baseDirectory)
    {
        var problems = new List<InputProblem>();
        var root = (JObject)document.Root;

        CheckUniqueNames(document, root["agents"], "agent", problems);
        CheckUniqueNames(document, root["humans"], "human", problems);
        CheckUniqueNames(document, root.SelectToken("target.mcpServers"), "MCP server", problems);
        CheckUniqueNames(document, root["containers"], "container", problems);
        CheckContainerDependencies(document, root["containers"] as JArray, problems);
        CheckMcpServerAgents(document, root, problems);
        CheckTransport(document, root, problems);
        CheckBaselineForNewFailures(document, root, problems);
        CheckReferencedFiles(document, root, baseDirectory, problems);

        return [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Column)];
    }

    private static void CheckUniqueNames(PositionedDocument document, JToken? list, string what, List<InputProblem> problems)
    {
        var seen = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var name in (list as JArray)?.Select(item => item["name"]).OfType<JValue>() ?? [])
        {
            var text = (string)name!;
            if (seen.TryGetValue(text, out var first))
            {
                problems.Add(document.ProblemAt(name, $"{name.Path}: another {what} already has this name",
                    $"names must be unique; the first one is at line {document.PositionOf(first).Line}"));
            }
            else
            {
                seen[text] = name;
            }
        }
    }

    // The agent whose token probes an MCP server must be one the profile defines.
    private static void CheckMcpServerAgents(PositionedDocument document, JObject root, List<InputProblem> problems)
    {
        var agents = (root["agents"] as JArray)?.Select(a => a["name"]).OfType<JValue>().Select(n => (string)n!).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var agent in (root.SelectToken("target.mcpServers") as JArray)?.Select(s => s["agent"]).OfType<JValue>() ?? [])
        {
            var name = (string)agent!;
            if (!agents.Contains(name))
            {
                problems.Add(document.ProblemAt(agent, $"{agent.Path}: names no agent defined in 'agents'", Suggest(name, agents, "agents")));
            }
        }
    }

    private static void CheckContainerDependencies(PositionedDocument document, JArray? containers, List<InputProblem> problems)
    {
        if (containers is null)
        {
            return;
        }

        var dependencies = new Dictionary<string, List<JValue>>(StringComparer.Ordinal);
        foreach (var container in containers.OfType<JObject>())
        {
            dependencies.TryAdd((string)container["name"]!, [.. (container["dependsOn"] as JArray)?.OfType<JValue>() ?? []]);
        }

        foreach (var (name, dependsOn) in dependencies)
        {
            foreach (var dependency in dependsOn)
            {
                var target = (string)dependency!;
                if (target == name)
                {
                    problems.Add(document.ProblemAt(dependency, $"{dependency.Path}: a container cannot depend on itself", "remove this entry"));
                }
                else if (!dependencies.ContainsKey(target))
                {
                    problems.Add(document.ProblemAt(dependency, $"{dependency.Path}: names no container defined in 'containers'",
                        Suggest(target, dependencies.Keys.Where(n => n != name), "containers")));
                }
            }
        }

        // A cycle would deadlock start-up; report it once, at the dependency that closes it.
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in dependencies.Keys)
        {
            if (FindCycle(name, dependencies, state) is { } closing)
            {
                problems.Add(document.ProblemAt(closing, $"{closing.Path}: containers depend on each other in a cycle",
                    "remove one of the dependsOn entries so the containers can start in order"));
                return;
            }
        }
    }

    private static JValue? FindCycle(string name, Dictionary<string, List<JValue>> dependencies, Dictionary<string, bool> state)
    {
        // state: absent = not visited, false = on the current path, true = fully explored.
        if (state.ContainsKey(name))
        {
            return null;
        }

        state[name] = false;
        foreach (var dependency in dependencies[name])
        {
            var target = (string)dependency!;
            if (target == name || !dependencies.ContainsKey(target))
            {
                continue;
            }

            if (state.TryGetValue(target, out var targetFinished) && !targetFinished)
            {
                return dependency;
            }

            if (FindCycle(target, dependencies, state) is { } closing)
            {
                return closing;
            }
        }

        state[name] = true;
        return null;
    }

    private static void CheckTransport(PositionedDocument document, JObject root, List<InputProblem> problems)
    {
        var allowInsecureLoopback = root.SelectToken("transport.allowInsecureLoopback")?.Type == JTokenType.Boolean
            && (bool)root.SelectToken("transport.allowInsecureLoopback")!;

        foreach (var property in root.Descendants().OfType<JProperty>().Where(p => UrlKeys.Contains(p.Name) && p.Value.Type == JTokenType.String))
        {
            if (!Uri.TryCreate((string)property.Value!, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                continue;
            }

            if (!uri.IsLoopback)
            {
                problems.Add(document.ProblemAt(property.Value, $"{property.Value.Path}: plain http:// is only allowed for loopback hosts",
                    "use https://; the harness sends credentials to these endpoints"));
            }
            else if (!allowInsecureLoopback)
            {
                problems.Add(document.ProblemAt(property.Value, $"{property.Value.Path}: plain http:// is refused unless transport.allowInsecureLoopback is true",
                    "for a local test deployment add 'transport: {allowInsecureLoopback: true}', otherwise use https://"));
            }
        }
    }

    private static void CheckBaselineForNewFailures(PositionedDocument document, JObject root, List<InputProblem> problems)
    {
        if (root.SelectToken("gate.failOn") is JValue { Type: JTokenType.String } failOn && (string)failOn! == "new" && root["baseline"] is null)
        {
            problems.Add(document.ProblemAt(failOn, "gate.failOn: 'new' needs a baseline to compare with",
                "add 'baseline: path/to/earlier-results.json', or use failOn: all"));
        }
    }

    private static void CheckReferencedFiles(PositionedDocument document, JObject root, string baseDirectory, List<InputProblem> problems)
    {
        foreach (var key in new[] { "systemModel", "waivers", "baseline", "transport.trustedCaFile" })
        {
            RequireFile(document, root.SelectToken(key), baseDirectory, problems);
        }

        RequireFile(document, root.SelectToken("target.auditLog.schema"), baseDirectory, problems);

        foreach (var key in new[] { "catalogs", "bindings" })
        {
            foreach (var entry in (root[key] as JArray) ?? [])
            {
                RequireFile(document, entry, baseDirectory, problems);
            }
        }

        foreach (var entry in ((root.SelectToken("analysis.paths") as JArray) ?? []).Concat((root["features"] as JArray) ?? []))
        {
            if (entry.Type == JTokenType.String && !IsGlob((string)entry!))
            {
                RequireExisting(document, entry, baseDirectory, problems, allowFolder: true);
            }
        }

        foreach (var context in root["containers"]?.SelectTokens("[*].build.context") ?? [])
        {
            RequireExisting(document, context, baseDirectory, problems, allowFolder: true);
        }
    }

    private static void RequireFile(PositionedDocument document, JToken? entry, string baseDirectory, List<InputProblem> problems) =>
        RequireExisting(document, entry, baseDirectory, problems, allowFolder: false);

    private static void RequireExisting(PositionedDocument document, JToken? entry, string baseDirectory, List<InputProblem> problems, bool allowFolder)
    {
        if (entry is not JValue { Type: JTokenType.String })
        {
            return;
        }

        var path = Path.GetFullPath(Path.Combine(baseDirectory, (string)entry!));
        if (File.Exists(path) || (allowFolder && Directory.Exists(path)))
        {
            return;
        }

        var message = !allowFolder && Directory.Exists(path) ? "names a folder; a file is expected here" : "file or folder not found";
        problems.Add(document.ProblemAt(entry, $"{entry.Path}: {message}", $"relative paths are resolved against {baseDirectory}"));
    }

    private static bool IsGlob(string path) => path.IndexOfAny(['*', '?', '[', '{']) >= 0;

    private static string Suggest(string input, IEnumerable<string> candidates, string where) =>
        SpellingSuggestion.Closest(input, candidates) is { } suggestion ? $"did you mean '{suggestion}'?" : $"define it under '{where}' first";
}
