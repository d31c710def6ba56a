using System.Text.RegularExpressions;

namespace AgentCompliance.Scenarios.Tags;

/// <summary>
/// Default control mapping until the catalog is wired in: a tag naming an OWASP ASI, OWASP NHI, OWASP LLM or
/// threat (<c>T</c>) identifier, e.g. <c>@ASI03</c>, <c>@nhi7</c> or <c>@LLM01-prompt-injection</c>, names that
/// control; the ID is upper-cased and anything after the number is dropped.
/// </summary>
public sealed partial class PatternControlTagMapper : IControlTagMapper
{
    public IReadOnlyList<string> ControlsFor(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var controls = new List<string>();
        foreach (var tag in tags)
        {
            var match = ControlId().Match(tag.StartsWith('@') ? tag[1..] : tag);
            if (match.Success)
            {
                var id = match.Value.ToUpperInvariant();
                if (!controls.Contains(id, StringComparer.Ordinal))
                {
                    controls.Add(id);
                }
            }
        }

        return controls;
    }

    [GeneratedRegex(@"^(ASI|NHI|LLM|T)\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ControlId();
}
