using System.Globalization;
using System.Text.RegularExpressions;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// The placeholder <c>${containers.NAME.ports.PORT}</c>: in any text of a profile outside <c>containers</c>, it stands
/// for the 127.0.0.1 host port that the container NAME's published port PORT gets when the run starts it, e.g.
/// <c>url: http://127.0.0.1:${containers.pdp.ports.3592}/</c>. Each use must name a container of the profile and one
/// of its <c>ports</c>; anything else is an input error at the use's line. Until the containers run, a placeholder
/// reads as port 0, which nothing listens on, so an unresolved profile can never reach a wrong service.
/// </summary>
public static partial class ContainerPortPlaceholders
{
    /// <summary>The port an unresolved placeholder reads as.</summary>
    public const int UnresolvedPort = 0;

    /// <summary>The syntax, for hints and documentation.</summary>
    public const string Syntax = "${containers.NAME.ports.PORT}";

    /// <summary>
    /// Checks every placeholder in the document and replaces it, in place, with its host port from
    /// <paramref name="hostPorts"/>, or with <see cref="UnresolvedPort"/> when the containers are not running yet.
    /// </summary>
    /// <returns>The placeholders used, and one problem per wrong one.</returns>
    internal static (IReadOnlyList<ContainerPortReference> Used, IReadOnlyList<InputProblem> Problems) Substitute(
        PositionedDocument document, IReadOnlyDictionary<ContainerPortReference, int>? hostPorts)
    {
        var published = PublishedPorts(document.Root["containers"] as JArray);
        var used = new List<ContainerPortReference>();
        var problems = new List<InputProblem>();

        foreach (var value in ((document.Root as JContainer)?.Descendants() ?? []).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
        {
            var text = (string)value!;
            if (!text.Contains("${containers", StringComparison.Ordinal))
            {
                continue;
            }

            var before = problems.Count;
            var references = new List<ContainerPortReference>();
            foreach (Match expression in AnyContainerExpression().Matches(text))
            {
                if (Check(document, value, expression.Value, published, problems) is { } reference)
                {
                    references.Add(reference);
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            used.AddRange(references);
            value.Value = Placeholder().Replace(text, match =>
            {
                var reference = ReferenceOf(match);
                var port = hostPorts is null ? UnresolvedPort
                    : hostPorts.TryGetValue(reference, out var hostPort) ? hostPort
                    : throw new InvalidOperationException($"no host port was recorded for {reference}");
                return port.ToString(CultureInfo.InvariantCulture);
            });
        }

        return (used.Distinct().ToList(), problems);
    }

    /// <summary>The references in a text; used by tests and by callers that resolve text of their own.</summary>
    public static IReadOnlyList<ContainerPortReference> FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Placeholder().Matches(text).Select(ReferenceOf)];
    }

    private static ContainerPortReference? Check(
        PositionedDocument document, JValue value, string expression, Dictionary<string, List<int>> published, List<InputProblem> problems)
    {
        var match = Placeholder().Match(expression);
        if (!match.Success || match.Length != expression.Length)
        {
            problems.Add(document.ProblemAt(value, $"{value.Path}: '{expression}' is not a container port placeholder",
                $"write {Syntax}, e.g. ${{containers.pdp.ports.3592}}"));
            return null;
        }

        var reference = ReferenceOf(match);
        if (value.Path.StartsWith("containers[", StringComparison.Ordinal))
        {
            problems.Add(document.ProblemAt(value, $"{value.Path}: container port placeholders are only resolved outside 'containers'",
                "containers reach each other by name on the run's network, e.g. http://pdp:3592/"));
            return null;
        }

        if (!published.TryGetValue(reference.Container, out var ports))
        {
            var suggestion = SpellingSuggestion.Closest(reference.Container, published.Keys);
            problems.Add(document.ProblemAt(value, $"{value.Path}: {reference} names no container defined in 'containers'",
                suggestion is null ? "define the container under 'containers' first" : $"did you mean '{suggestion}'?"));
            return null;
        }

        if (!ports.Contains(reference.Port))
        {
            problems.Add(document.ProblemAt(value, $"{value.Path}: container '{reference.Container}' publishes no port {reference.Port}",
                ports.Count == 0
                    ? $"add '- container: {reference.Port}' to its ports"
                    : $"its published ports are {string.Join(", ", ports)}; add '- container: {reference.Port}' to its ports or use one of them"));
            return null;
        }

        return reference;
    }

    private static Dictionary<string, List<int>> PublishedPorts(JArray? containers)
    {
        var published = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var container in containers?.OfType<JObject>() ?? [])
        {
            if (container["name"] is JValue { Type: JTokenType.String } name)
            {
                published.TryAdd((string)name!, [.. (container["ports"] as JArray)?.Select(p => p["container"])
                    .OfType<JValue>().Where(p => p.Type == JTokenType.Integer).Select(p => (int)p) ?? []]);
            }
        }

        return published;
    }

    private static ContainerPortReference ReferenceOf(Match match) =>
        new(match.Groups["name"].Value, int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\$\{containers\.(?<name>[A-Za-z0-9][A-Za-z0-9._-]*?)\.ports\.(?<port>[1-9][0-9]{0,4})\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    // Anything that starts like a container placeholder, up to its closing brace (or the end of a word when unclosed).
    [GeneratedRegex(@"\$\{containers[^}\s]*\}?", RegexOptions.CultureInvariant)]
    private static partial Regex AnyContainerExpression();
}
