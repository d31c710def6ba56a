using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// The runtime asks a unit-test provider to end a test as pending, inconclusive or ignored. The engine reads step
/// and scenario outcomes from execution events instead, so these only need to stop the scenario with an exception
/// the engine recognises.
/// </summary>
internal sealed class HostUnitTestRuntimeProvider : IUnitTestRuntimeProvider
{
    public const string Name = "agentcompliance";

    public void TestPending(string message) => throw new ScenarioNotCompletedException(message);

    public void TestInconclusive(string message) => throw new ScenarioNotCompletedException(message);

    public void TestIgnore(string message) => throw new ScenarioNotCompletedException(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is ScenarioNotCompletedException ? ScenarioExecutionStatus.Skipped : null;
}
