using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Gating;

/// <summary>
/// Resolves <c>gate.requiredControls</c>: a control ID (any accepted spelling) or <c>framework:ID</c> for every
/// testable top-level control of a framework (<c>framework:asi</c> = ASI01–ASI10, <c>framework:maestro</c> = the
/// seven layers and the cross-layer threats, <c>framework:nist-ai-rmf</c> = the four functions).
/// </summary>
public static class RequiredControls
{
    public const string FrameworkPrefix = "framework:";

    /// <param name="entries">The entries as written.</param>
    /// <param name="catalog">Resolves IDs and frameworks.</param>
    /// <param name="source">The file the entries come from, for error messages.</param>
    /// <param name="positionOf">Where entry <c>i</c> is written in <paramref name="source"/>, when known.</param>
    /// <exception cref="InvalidInputException">An entry names no control or framework; located in <paramref name="source"/>.</exception>
    public static IReadOnlyList<Control> Resolve(IReadOnlyList<string> entries, ControlCatalog catalog, string source, Func<int, SourcePosition>? positionOf = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<InputProblem>();
        var controls = new List<Control>();
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            var position = positionOf?.Invoke(index) ?? default;
            if (entry.StartsWith(FrameworkPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = entry[FrameworkPrefix.Length..];
                if (catalog.TryFindFramework(key, out var framework))
                {
                    controls.AddRange(catalog.Controls.Where(c => c.FrameworkId == framework.Id && c.Parent is null && c.Testable));
                }
                else
                {
                    problems.Add(new InputProblem(source, position.Line, position.Column, $"gate.requiredControls: {catalog.UnknownFrameworkMessage(key)}", "write framework:asi, framework:nhi, framework:maestro or framework:nist-ai-rmf"));
                }
            }
            else if (catalog.TryResolve(entry, out var control))
            {
                controls.Add(control);
            }
            else
            {
                problems.Add(new InputProblem(source, position.Line, position.Column, $"gate.requiredControls: {catalog.UnknownControlMessage(entry)}", ControlCatalog.ListControlsHint));
            }
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : controls.DistinctBy(c => c.Id).ToList();
    }
}
