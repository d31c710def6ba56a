using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;
using Reqnroll.Events;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// The host's runtime plugin, registered from code rather than discovered from disk: it selects the host's
/// unit-test provider and gives every test-thread container (one per concurrently running scenario) its own
/// recorder of execution events, which is how scenario state stays isolated under <c>--parallel</c>.
/// </summary>
internal sealed class HostRuntimePlugin : IRuntimePlugin
{
    public const string Name = "AgentCompliance.Host";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        unitTestProviderConfiguration.UseUnitTestProvider(HostUnitTestRuntimeProvider.Name);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<ScenarioEventRecorder, ScenarioEventRecorder>();
            var recorder = args.ObjectContainer.Resolve<ScenarioEventRecorder>();
            args.ObjectContainer.Resolve<ITestThreadExecutionEventPublisher>().AddListener(recorder);
            args.ObjectContainer.RegisterInstanceAs<IEvidenceSink>(recorder);
            foreach (var shared in args.ObjectContainer.Resolve<HostSettings>().SharedContext)
            {
                args.ObjectContainer.RegisterInstanceAs(shared, shared.GetType());
            }
        };
    }
}
