using Reqnroll.Analytics;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>The harness never phones home: Reqnroll's run-time telemetry events are dropped.</summary>
internal sealed class NoTelemetry : IAnalyticsRuntimeTelemetryService, IEnvironmentReqnrollTelemetryChecker
{
    public void SendFeatureUseEvent(string featureName, Dictionary<string, string>? properties = null, Dictionary<string, double>? metrics = null)
    {
        // Intentionally empty: no telemetry leaves the process.
    }

    public void SendProjectRunningEvent()
    {
        // Intentionally empty: no telemetry leaves the process.
    }

    public bool IsReqnrollTelemetryEnabled() => false;
}
