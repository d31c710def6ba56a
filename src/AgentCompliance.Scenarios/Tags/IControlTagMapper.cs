namespace AgentCompliance.Scenarios.Tags;

/// <summary>
/// Maps a scenario's tags to the control IDs it verifies, and says which tags look like controls but name none — a
/// typo in a control tag must not silently drop a control from the report.
/// </summary>
public interface IControlTagMapper
{
    /// <param name="tags">Every tag in effect for the scenario, without the leading <c>@</c>.</param>
    /// <returns>Normalised control IDs, without duplicates, in tag order.</returns>
    IReadOnlyList<string> ControlsFor(IReadOnlyList<string> tags);

    /// <summary>Why this tag is invalid (it looks like a control ID but names none), or null when it is fine.</summary>
    string? ProblemWith(string tag);
}
