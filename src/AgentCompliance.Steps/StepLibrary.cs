using System.Reflection;

namespace AgentCompliance.Steps;

/// <summary>The built-in step library, for hosts that run or document it (engine, <c>agentcompliance steps</c>, NUnit).</summary>
public static class StepLibrary
{
    public static Assembly Assembly { get; } = typeof(StepLibrary).Assembly;
}
