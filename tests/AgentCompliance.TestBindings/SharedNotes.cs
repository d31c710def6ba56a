namespace AgentCompliance.TestBindings;

/// <summary>Plain object Reqnroll injects into every binding class of a scenario (context injection).</summary>
public sealed class SharedNotes
{
    public string? Remembered { get; set; }

    public int Total { get; set; }

    public List<(string Agent, string Scope)> Agents { get; } = [];

    public string? Policy { get; set; }
}
