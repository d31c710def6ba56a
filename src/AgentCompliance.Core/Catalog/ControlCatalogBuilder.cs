using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Catalog;

/// <summary>
/// Merges catalog documents into a <see cref="ControlCatalog"/> and checks what a schema cannot: unique IDs across
/// files, known frameworks, parents in the same framework, and crosswalk targets that exist.
/// </summary>
internal static class ControlCatalogBuilder
{
    private const string BuiltInOrigin = "the built-in catalog";

    public static ControlCatalog BuildBuiltIn(IReadOnlyList<CatalogDocument> documents)
    {
        var problems = new List<InputProblem>();
        var catalog = Merge(new ControlCatalog([], []), documents, builtIn: true, problems);
        return problems.Count == 0 ? catalog : throw EmbeddedCatalog.Broken(problems);
    }

    public static ControlCatalog Extend(ControlCatalog baseCatalog, IReadOnlyList<CatalogDocument> documents)
    {
        if (documents.Count == 0)
        {
            return baseCatalog;
        }

        var problems = new List<InputProblem>();
        var catalog = Merge(baseCatalog, documents, builtIn: false, problems);
        return problems.Count == 0 ? catalog : throw new InvalidInputException(problems);
    }

    private static ControlCatalog Merge(ControlCatalog baseCatalog, IReadOnlyList<CatalogDocument> documents, bool builtIn, List<InputProblem> problems)
    {
        var frameworks = MergeFrameworks(baseCatalog, documents, builtIn, problems);
        var added = AddControls(baseCatalog, frameworks, documents, builtIn, problems);

        var controls = baseCatalog.Controls.Concat(added.Select(item => item.Control)).ToList();
        var provisional = new ControlCatalog(frameworks, controls);
        var byId = controls.ToDictionary(control => control.Id, StringComparer.OrdinalIgnoreCase);

        var finished = new Dictionary<string, Control>(StringComparer.Ordinal);
        foreach (var (document, entry, control) in added)
        {
            var parent = CheckParent(document, entry, byId, provisional, problems);
            var related = ResolveRelated(document, entry, byId, provisional, builtIn, problems);
            finished[control.Id] = control with { Parent = parent, Related = related };
        }

        // Framework by framework, each in the order its documents list the controls.
        var frameworkOrder = frameworks.Select((framework, index) => (framework.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var ordered = controls
            .Select(control => finished.TryGetValue(control.Id, out var done) ? done : control)
            .Select((control, index) => (control, index))
            .OrderBy(pair => frameworkOrder[pair.control.FrameworkId])
            .ThenBy(pair => pair.index)
            .Select(pair => pair.control)
            .ToList();
        return new ControlCatalog(frameworks, ordered);
    }

    private static List<Framework> MergeFrameworks(ControlCatalog baseCatalog, IReadOnlyList<CatalogDocument> documents, bool builtIn, List<InputProblem> problems)
    {
        var frameworks = baseCatalog.Frameworks.ToList();
        var keys = new Dictionary<string, Framework>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in frameworks)
        {
            AddKeys(keys, framework);
        }

        foreach (var document in documents)
        {
            foreach (var entry in document.Frameworks)
            {
                if (keys.TryGetValue(entry.Id, out var sameId))
                {
                    problems.Add(At(document, entry.Line, entry.Column, $"framework id '{entry.Id}' is already taken by framework '{sameId.Id}' (as its id or prefix)", "give the framework an id of its own"));
                    continue;
                }

                var clash = entry.Prefixes.FirstOrDefault(keys.ContainsKey);
                if (clash is not null)
                {
                    problems.Add(At(document, entry.Line, entry.Column, $"framework '{entry.Id}': prefix '{clash}' is already used by framework '{keys[clash].Id}'", "choose another prefix"));
                    continue;
                }

                var framework = new Framework(entry.Id, entry.Name)
                {
                    Version = entry.Version,
                    Reference = entry.Reference,
                    Notes = entry.Notes,
                    Prefixes = entry.Prefixes,
                    IsBuiltIn = builtIn,
                };
                frameworks.Add(framework);
                AddKeys(keys, framework);
            }
        }

        return frameworks;
    }

    private static List<(CatalogDocument Document, CatalogControlEntry Entry, Control Control)> AddControls(
        ControlCatalog baseCatalog, List<Framework> frameworks, IReadOnlyList<CatalogDocument> documents, bool builtIn, List<InputProblem> problems)
    {
        var firstDefinition = baseCatalog.Controls.ToDictionary(control => control.Id, _ => BuiltInOrigin, StringComparer.OrdinalIgnoreCase);
        var slugs = baseCatalog.Controls.ToDictionary(control => ControlIdPatterns.Slug(control.Id), control => control.Id, StringComparer.Ordinal);
        var added = new List<(CatalogDocument, CatalogControlEntry, Control)>();

        foreach (var document in documents)
        {
            foreach (var entry in document.Controls)
            {
                var framework = frameworks.Find(candidate => string.Equals(candidate.Id, entry.Framework, StringComparison.OrdinalIgnoreCase));
                if (framework is null)
                {
                    var known = string.Join(", ", frameworks.Select(candidate => candidate.Id));
                    problems.Add(At(document, entry, $"control '{entry.Id}': unknown framework '{entry.Framework}'", $"define it under 'frameworks'; known frameworks: {known}"));
                    continue;
                }

                if (framework.IsBuiltIn && !builtIn)
                {
                    problems.Add(At(document, entry, $"control '{entry.Id}': framework '{framework.Id}' is built in and cannot be extended", "define a framework of your own under 'frameworks' and relate your control to built-in ones with 'related'"));
                    continue;
                }

                if (firstDefinition.TryGetValue(entry.Id, out var first))
                {
                    problems.Add(At(document, entry, $"duplicate control id '{entry.Id}' (first defined in {first})", "control IDs must be unique across all catalogs"));
                    continue;
                }

                var slug = ControlIdPatterns.Slug(entry.Id);
                if (slugs.TryGetValue(slug, out var lookalike))
                {
                    problems.Add(At(document, entry, $"control id '{entry.Id}' cannot be told apart from '{lookalike}'", "IDs are matched ignoring case and punctuation; choose a distinct id"));
                    continue;
                }

                firstDefinition[entry.Id] = Where(document, entry);
                slugs[slug] = entry.Id;
                var control = new Control(entry.Id, entry.Name, framework.Id, entry.Kind, entry.Description)
                {
                    Parent = entry.Parent,
                    Aliases = entry.Aliases,
                    Related = entry.Related,
                    Testable = entry.Testable,
                };
                added.Add((document, entry, control));
            }
        }

        return added;
    }

    private static string? CheckParent(CatalogDocument document, CatalogControlEntry entry, Dictionary<string, Control> byId, ControlCatalog provisional, List<InputProblem> problems)
    {
        if (entry.Parent is null)
        {
            return null;
        }

        if (!byId.TryGetValue(entry.Parent, out var parent))
        {
            problems.Add(At(document, entry, $"control '{entry.Id}': parent {provisional.UnknownControlMessage(entry.Parent)}", "a parent must be a control of the same framework"));
            return entry.Parent;
        }

        if (!string.Equals(parent.FrameworkId, entry.Framework, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(At(document, entry, $"control '{entry.Id}': parent '{parent.Id}' belongs to framework '{parent.FrameworkId}', not '{entry.Framework}'", "use 'related' to link controls of different frameworks"));
            return parent.Id;
        }

        // Walk up the chain; coming back to this control means the parents form a loop.
        var current = parent;
        for (var steps = 0; steps <= byId.Count && current is not null; steps++)
        {
            if (string.Equals(current.Id, entry.Id, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(At(document, entry, $"control '{entry.Id}': parent '{parent.Id}' leads back to the control itself", "parents must form a tree"));
                break;
            }

            current = current.Parent is not null && byId.TryGetValue(current.Parent, out var next) ? next : null;
        }

        return parent.Id;
    }

    private static List<string> ResolveRelated(
        CatalogDocument document, CatalogControlEntry entry, Dictionary<string, Control> byId, ControlCatalog provisional, bool builtIn, List<InputProblem> problems)
    {
        var resolved = new List<string>(entry.Related.Count);
        foreach (var raw in entry.Related)
        {
            // Built-in data must already use canonical IDs, so a typo there cannot hide behind normalisation.
            Control? target;
            var found = builtIn
                ? byId.TryGetValue(raw, out target) && string.Equals(target.Id, raw, StringComparison.Ordinal)
                : provisional.TryResolve(raw, out target);
            if (!found || target is null)
            {
                problems.Add(At(document, entry, $"control '{entry.Id}': related {provisional.UnknownControlMessage(raw)}", ControlCatalog.ListControlsHint));
                continue;
            }

            if (string.Equals(target.Id, entry.Id, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(At(document, entry, $"control '{entry.Id}' lists itself under 'related'", "related lists other controls"));
                continue;
            }

            if (!resolved.Contains(target.Id, StringComparer.Ordinal))
            {
                resolved.Add(target.Id);
            }
        }

        return resolved;
    }

    private static void AddKeys(Dictionary<string, Framework> keys, Framework framework)
    {
        keys.TryAdd(framework.Id, framework);
        foreach (var prefix in framework.Prefixes)
        {
            keys.TryAdd(prefix, framework);
        }
    }

    private static InputProblem At(CatalogDocument document, CatalogControlEntry entry, string message, string hint) =>
        At(document, entry.Line, entry.Column, message, hint);

    private static InputProblem At(CatalogDocument document, int line, int column, string message, string hint) =>
        new(document.Origin, line, column, message, hint);

    private static string Where(CatalogDocument document, CatalogControlEntry entry) =>
        entry.Line > 0 ? $"{document.Origin}:{entry.Line}:{Math.Max(entry.Column, 1)}" : document.Origin;
}
