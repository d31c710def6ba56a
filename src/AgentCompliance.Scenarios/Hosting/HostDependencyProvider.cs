using Reqnroll.Analytics;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Discovery;
using Reqnroll.BoDi;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Registers the host's replacements on top of Reqnroll's defaults, through the public dependency-provider seam
/// of <see cref="ContainerBuilder"/>: explicit binding assemblies, time-limited binding calls, cached step matches, no formatters (the
/// engine writes its own Cucumber messages), no console tracing, no external plugins and no telemetry.
/// </summary>
internal sealed class HostDependencyProvider(HostSettings settings) : DefaultDependencyProvider
{
    public override void RegisterGlobalContainerDefaults(ObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        base.RegisterGlobalContainerDefaults(container);
        container.RegisterInstanceAs(settings);

        // Results are reported by the harness; Reqnroll's own step trace on stdout would interleave with it.
        container.RegisterTypeAs<NullListener, ITraceListener>();
        container.RegisterTypeAs<NoExternalRuntimePlugins, IRuntimePluginLocator>();
        container.RegisterTypeAs<ExplicitBindingAssemblies, IRuntimeBindingRegistryBuilder>();
        container.RegisterTypeAs<TimeLimitedBindingInvoker, IAsyncBindingInvoker>();
        container.RegisterTypeAs<NoFormatters, IFormattersConfigurationProvider>();
        container.RegisterTypeAs<NoTelemetry, IAnalyticsRuntimeTelemetryService>();
        container.RegisterTypeAs<NoTelemetry, IEnvironmentReqnrollTelemetryChecker>();
        container.RegisterTypeAs<HostUnitTestRuntimeProvider, IUnitTestRuntimeProvider>(HostUnitTestRuntimeProvider.Name);
        container.RegisterInstanceAs<IRuntimePlugin>(new HostRuntimePlugin(), HostRuntimePlugin.Name);
    }

    public override void RegisterTestThreadContainerDefaults(ObjectContainer testThreadContainer)
    {
        ArgumentNullException.ThrowIfNull(testThreadContainer);
        base.RegisterTestThreadContainerDefaults(testThreadContainer);
        testThreadContainer.RegisterTypeAs<NullListener, ITraceListener>();
        testThreadContainer.RegisterTypeAs<EventOnlyAttachmentHandler, IReqnrollAttachmentHandler>();

        // Reqnroll registers its match service per test thread (it converts arguments with that thread's context).
        testThreadContainer.RegisterTypeAs<StepDefinitionMatchService, StepDefinitionMatchService>();
        testThreadContainer.RegisterTypeAs<CachingStepDefinitionMatchService, IStepDefinitionMatchService>();
    }
}
