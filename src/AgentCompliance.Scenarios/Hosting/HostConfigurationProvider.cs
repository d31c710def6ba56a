using Reqnroll.Configuration;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// The runtime configuration of a hosted run. No <c>reqnroll.json</c> is read from the working directory: the
/// harness decides these settings so results do not depend on where the command was started. Missing and pending
/// steps are errors, never a pass; errors never stop the run at the first step so every step gets a result.
/// </summary>
internal sealed class HostConfigurationProvider : IRuntimeConfigurationProvider
{
    private const string Json = """
        {
          "runtime": { "missingOrPendingStepsOutcome": "Error", "stopAtFirstError": false },
          "trace": { "traceSuccessfulSteps": false, "stepDefinitionSkeletonStyle": "CucumberExpressionAttribute" }
        }
        """;

    public ReqnrollConfiguration LoadConfiguration(ReqnrollConfiguration reqnrollConfiguration) =>
        new JsonStringRuntimeConfigurationProvider(Json).LoadConfiguration(reqnrollConfiguration);
}
