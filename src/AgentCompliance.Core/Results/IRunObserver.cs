namespace AgentCompliance.Core.Results;

/// <summary>
/// Receives progress while a run executes (console progress, incremental checkpoint writers).
/// Called from several threads when scenarios run in parallel; implementations must be thread-safe.
/// </summary>
public interface IRunObserver
{
    void RunStarted(int scenarioCount);

    void ScenarioStarted(string featureName, string scenarioName);

    void ScenarioFinished(ScenarioResult result);

    void RunFinished(RunResult result);
}
