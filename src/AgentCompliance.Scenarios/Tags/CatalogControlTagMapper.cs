using AgentCompliance.Core.Catalog;

namespace AgentCompliance.Scenarios.Tags;

/// <summary>
/// Maps tags to controls through the control catalog: <c>@ASI03</c>, <c>@GV-1.6</c>, <c>@MAESTRO-L4</c>,
/// <c>@control:ACME-7</c> and every other spelling the catalog normalises. Non-control tags (<c>@smoke</c>,
/// <c>@severity:high</c>) are ignored; a control-shaped tag the catalog does not know is a problem.
/// </summary>
public sealed class CatalogControlTagMapper(ControlCatalog catalog) : IControlTagMapper
{
    public IReadOnlyList<string> ControlsFor(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var controls = new List<string>();
        foreach (var tag in tags)
        {
            if (catalog.TryParseControlTag(tag, out var control, out _) && !controls.Contains(control.Id, StringComparer.Ordinal))
            {
                controls.Add(control.Id);
            }
        }

        return controls;
    }

    public string? ProblemWith(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return catalog.TryParseControlTag(tag, out _, out var error) ? null : error;
    }
}
