namespace AgentCompliance.Scenarios.Hosting;

/// <summary>Raised for the runtime's "pending / inconclusive / ignore this test" requests.</summary>
public sealed class ScenarioNotCompletedException : Exception
{
    public ScenarioNotCompletedException()
    {
    }

    public ScenarioNotCompletedException(string message)
        : base(message)
    {
    }

    public ScenarioNotCompletedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
