namespace AgentCompliance.Scenarios.Tags;

/// <summary>
/// Maps a scenario's tags to the control IDs it verifies. A seam so the catalog-backed mapping (which knows every
/// framework's IDs and rejects unknown ones) can replace the pattern-based default without touching the engine.
/// </summary>
public interface IControlTagMapper
{
    /// <param name="tags">Every tag in effect for the scenario, without the leading <c>@</c>.</param>
    /// <returns>Normalised control IDs, without duplicates, in tag order.</returns>
    IReadOnlyList<string> ControlsFor(IReadOnlyList<string> tags);
}
