using System.Diagnostics.CodeAnalysis;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Catalog;

/// <summary>
/// Every framework and control the harness knows: the built-in OWASP ASI, Agentic AI threats, OWASP NHI, CSA
/// MAESTRO, NIST AI RMF and OWASP LLM catalogs, plus user catalogs. Resolves the many spellings of control IDs to
/// one canonical ID, and turns a misspelt ID into an error that names the closest valid one.
/// </summary>
public sealed class ControlCatalog
{
    /// <summary>Hint shown with every unknown-control error.</summary>
    public const string ListControlsHint = "run 'agentcompliance controls' to list valid control IDs";

    private static readonly Lazy<ControlCatalog> BuiltInCatalog =
        new(() => ControlCatalogBuilder.BuildBuiltIn(EmbeddedCatalog.LoadDocuments()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Control> byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Control?> bySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Control>> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Control>> children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Control>> crosswalk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Framework> frameworksByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly (Control Control, string Key)[] comparisonKeys;

    internal ControlCatalog(IReadOnlyList<Framework> frameworks, IReadOnlyList<Control> controls)
    {
        Frameworks = frameworks;
        Controls = controls;

        foreach (var framework in frameworks)
        {
            frameworksByKey.TryAdd(framework.Id, framework);
            foreach (var prefix in framework.Prefixes)
            {
                frameworksByKey.TryAdd(prefix, framework);
            }
        }

        foreach (var control in controls)
        {
            byId.TryAdd(control.Id, control);
            AddSlug(ControlIdPatterns.Slug(control.Id), control);

            // MAESTRO-style "prefix:Threat Name" IDs are also reachable through the threat's aliases.
            var colon = control.Id.IndexOf(':', StringComparison.Ordinal);
            foreach (var name in control.Aliases.Prepend(control.Name))
            {
                AppendDistinct(byName, name, control);
                if (colon > 0)
                {
                    AddSlug(ControlIdPatterns.Slug($"{control.Id[..colon]}:{name}"), control);
                }
            }

            if (control.Parent is not null)
            {
                Append(children, control.Parent, control);
            }
        }

        foreach (var control in controls)
        {
            foreach (var target in control.Related)
            {
                if (byId.TryGetValue(target, out var other) && !ReferenceEquals(other, control))
                {
                    AppendDistinct(crosswalk, control.Id, other);
                    AppendDistinct(crosswalk, other.Id, control);
                }
            }
        }

        comparisonKeys = controls.Select(control => (control, ControlIdPatterns.Slug(control.Id))).ToArray();
    }

    /// <summary>The built-in frameworks only. Loaded once; a broken embedded catalog throws InvalidOperationException.</summary>
    public static ControlCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>Every control, framework by framework, each framework in file order.</summary>
    public IReadOnlyList<Control> Controls { get; }

    public IReadOnlyList<Framework> Frameworks { get; }

    /// <summary>The built-in catalog extended with user catalogs (internal control IDs, other frameworks).</summary>
    /// <exception cref="InvalidInputException">
    /// Duplicate control or framework IDs, unknown frameworks, parents or crosswalk targets; each problem located in
    /// its file.
    /// </exception>
    public static ControlCatalog Create(IEnumerable<CatalogDocument> userDocuments)
    {
        ArgumentNullException.ThrowIfNull(userDocuments);
        return ControlCatalogBuilder.Extend(BuiltIn, userDocuments.ToList());
    }

    /// <summary>Reads a JSON user catalog, validated against the catalog schema; problems come as file:line:col.</summary>
    public static CatalogDocument LoadJsonCatalogFile(string path) => CatalogDocumentReader.ReadJsonFile(path);

    /// <summary>The controls of one framework, given by id or prefix (<c>asi</c>, <c>ASI</c>, <c>NIST</c>).</summary>
    /// <exception cref="InvalidInputException">No such framework; the message lists the valid ones.</exception>
    public IEnumerable<Control> InFramework(string frameworkId)
    {
        var framework = ResolveFramework(frameworkId);
        return Controls.Where(control => control.FrameworkId == framework.Id);
    }

    /// <summary>Finds a framework by id or prefix, ignoring case.</summary>
    public bool TryFindFramework(string raw, [NotNullWhen(true)] out Framework? framework)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return frameworksByKey.TryGetValue(raw.Trim(), out framework);
    }

    /// <exception cref="InvalidInputException">No such framework; the message lists the valid ones.</exception>
    public Framework ResolveFramework(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return TryFindFramework(raw, out var framework)
            ? framework
            : throw new InvalidInputException(new InputProblem("<input>", 0, 0, UnknownFrameworkMessage(raw), ListControlsHint));
    }

    /// <summary>"unknown framework 'x'; valid frameworks: asi (ASI), ..." — shared by every caller that takes a framework.</summary>
    public string UnknownFrameworkMessage(string raw)
    {
        var valid = Frameworks.Select(framework => framework.Prefixes.Count == 0
            ? framework.Id
            : $"{framework.Id} ({string.Join(", ", framework.Prefixes)})");
        return $"unknown framework '{raw}'; valid frameworks: {string.Join(", ", valid)}";
    }

    /// <summary>Controls linked to <paramref name="control"/> by a crosswalk, declared by either side.</summary>
    public IEnumerable<Control> Related(Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return crosswalk.TryGetValue(control.Id, out var related) ? related : [];
    }

    /// <summary>Controls whose parent is <paramref name="control"/> (a MAESTRO layer's threats, a NIST category's subcategories).</summary>
    public IEnumerable<Control> ChildrenOf(Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return children.TryGetValue(control.Id, out var found) ? found : [];
    }

    /// <summary>
    /// Resolves any accepted spelling: canonical IDs in any case, <c>ASI-01</c>, <c>NHI1:2025</c>, <c>GV-1.1</c>,
    /// <c>maestro-l3</c>, <c>MAESTRO-L7:agent-impersonation</c>, or an exact name or alias that only one control has.
    /// </summary>
    public bool TryResolve(string raw, [NotNullWhen(true)] out Control? control)
    {
        ArgumentNullException.ThrowIfNull(raw);
        control = null;
        var value = raw.Trim();
        if (value.Length == 0)
        {
            return false;
        }

        if (byId.TryGetValue(value, out control))
        {
            return true;
        }

        var canonical = ControlIdPatterns.Canonicalize(value);
        if (canonical is not null && (byId.TryGetValue(canonical, out control) || TryBySlug(canonical, out control)))
        {
            return true;
        }

        if (TryBySlug(value, out control))
        {
            return true;
        }

        if (byName.TryGetValue(value, out var named) && named.Count == 1)
        {
            control = named[0];
            return true;
        }

        control = null;
        return false;
    }

    /// <exception cref="InvalidInputException">Unknown control; the message names the closest valid ID.</exception>
    public Control Resolve(string raw) => Resolve(raw, "<input>", 0, 0);

    /// <summary>Resolves an ID read from a file, so the error points at where it was written.</summary>
    /// <exception cref="InvalidInputException">Unknown control; the message names the closest valid ID.</exception>
    public Control Resolve(string raw, string file, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(file);
        return TryResolve(raw, out var control)
            ? control
            : throw new InvalidInputException(new InputProblem(file, line, column, UnknownControlMessage(raw), ListControlsHint));
    }

    /// <summary>The canonical ID for <paramref name="raw"/>; for an unknown control, its canonical shape (or the trimmed input).</summary>
    public string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return TryResolve(raw, out var control) ? control.Id : ControlIdPatterns.Canonicalize(raw) ?? raw.Trim();
    }

    /// <summary>The control whose normalised ID is nearest (edit distance) to <paramref name="raw"/> within a few edits, or
    /// null when none is that close; ties go to catalog order.</summary>
    public Control? FindClosest(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var key = ControlIdPatterns.ComparisonKey(raw);

        // Beyond this many edits a suggestion is a guess that misleads more than it helps ('FOO-BAR' is not 'GV-1.1').
        var allowedEdits = Math.Max(2, key.Length / 2);
        Control? best = null;
        var bestDistance = allowedEdits + 1;
        var bestEnclosesInput = false;
        foreach (var (control, candidateKey) in comparisonKeys)
        {
            var distance = SpellingSuggestion.Distance(key, candidateKey);

            // On a tie, prefer the control the input extends (GV-1.6-001 is an action under GOVERN 1.6).
            var enclosesInput = key.StartsWith(candidateKey + "-", StringComparison.Ordinal);
            if (distance < bestDistance || (distance == bestDistance && enclosesInput && !bestEnclosesInput))
            {
                best = control;
                bestDistance = distance;
                bestEnclosesInput = enclosesInput;
            }
        }

        return best;
    }

    /// <summary>"unknown control 'ASI11'; did you mean 'ASI01'?"</summary>
    public string UnknownControlMessage(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var value = raw.Trim();
        if (byName.TryGetValue(value, out var named) && named.Count > 1)
        {
            return $"'{value}' is ambiguous: it names {string.Join(", ", named.Select(control => $"'{control.Id}'"))}; use the control ID";
        }

        var closest = FindClosest(value);
        return closest is null ? $"unknown control '{value}'" : $"unknown control '{value}'; did you mean '{closest.Id}'?";
    }

    /// <summary>
    /// Reads a Gherkin tag such as <c>@ASI03</c>, <c>@GV-1.6</c>, <c>@MAESTRO-L4</c> or <c>@control:ACME-IAM-01</c>.
    /// Returns false with an error naming the closest control when the tag looks like a control ID but names none;
    /// returns false with no error for ordinary tags such as <c>@smoke</c> or <c>@severity:high</c>.
    /// </summary>
    public bool TryParseControlTag(string tag, [NotNullWhen(true)] out Control? control, out string? error)
    {
        ArgumentNullException.ThrowIfNull(tag);
        control = null;
        error = null;
        var body = tag.Trim().TrimStart('@');
        const string explicitPrefix = "control:";

        string id;
        if (body.StartsWith(explicitPrefix, StringComparison.OrdinalIgnoreCase))
        {
            id = body[explicitPrefix.Length..].Trim();
            if (id.Length == 0)
            {
                error = $"tag '@{body}' names no control";
                return false;
            }
        }
        else if (ControlIdPatterns.LooksLikeControlTag(body))
        {
            id = body;
        }
        else
        {
            return false;
        }

        if (TryResolve(id, out control))
        {
            return true;
        }

        error = $"tag '@{body}': {UnknownControlMessage(id)}";
        return false;
    }

    private bool TryBySlug(string value, [NotNullWhen(true)] out Control? control)
    {
        control = bySlug.TryGetValue(ControlIdPatterns.Slug(value), out var found) ? found : null;
        return control is not null;
    }

    private void AddSlug(string slug, Control control)
    {
        if (slug.Length == 0)
        {
            return;
        }

        // Two controls sharing a slug make it ambiguous: keep the key, but let it resolve to nothing.
        if (bySlug.TryGetValue(slug, out var existing))
        {
            if (!ReferenceEquals(existing, control))
            {
                bySlug[slug] = null;
            }
        }
        else
        {
            bySlug[slug] = control;
        }
    }

    private static void Append(Dictionary<string, List<Control>> index, string key, Control control)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(control);
    }

    private static void AppendDistinct(Dictionary<string, List<Control>> index, string key, Control control)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(control))
        {
            list.Add(control);
        }
    }
}
