using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Output;

/// <summary>
/// Forwards run progress to several observers in order (e.g. checkpoint files first, then the console), so the engine
/// takes a single <see cref="IRunObserver"/>.
/// </summary>
public sealed class CompositeRunObserver : IRunObserver
{
    private readonly IReadOnlyList<IRunObserver> _observers;

    public CompositeRunObserver(params IReadOnlyList<IRunObserver> observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        _observers = [.. observers];
    }

    public void RunStarted(int scenarioCount)
    {
        foreach (var observer in _observers)
        {
            observer.RunStarted(scenarioCount);
        }
    }

    public void ScenarioStarted(string featureName, string scenarioName)
    {
        foreach (var observer in _observers)
        {
            observer.ScenarioStarted(featureName, scenarioName);
        }
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        foreach (var observer in _observers)
        {
            observer.ScenarioFinished(result);
        }
    }

    public void RunFinished(RunResult result)
    {
        foreach (var observer in _observers)
        {
            observer.RunFinished(result);
        }
    }
}
