using System.Reflection;
using AgentCompliance.Core.Diagnostics;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Discovery;
using Reqnroll.BoDi;
using Reqnroll.Infrastructure;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Builds Reqnroll's binding registry for some assemblies, exactly as a run would (same container, same discovery),
/// but without a test runner: nothing is executed and no hook runs, not even AfterTestRun on the way out.
/// </summary>
internal static class BindingRegistryReader
{
    public static (IReadOnlyList<IStepDefinitionBinding> StepDefinitions, IReadOnlyList<string> Errors) Read(IReadOnlyList<Assembly> assemblies)
    {
        var anchor = typeof(BindingRegistryReader).Assembly;
        var settings = new HostSettings(assemblies, null, CancellationToken.None, false, []);
        IObjectContainer container;
        try
        {
            container = new ContainerBuilder(new HostDependencyProvider(settings)).CreateGlobalContainer(anchor, new HostConfigurationProvider());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new CouldNotRunException($"the Reqnroll runtime could not start: {exception.Message}", exception);
        }

        using (container)
        {
            var builder = container.Resolve<IRuntimeBindingRegistryBuilder>();
            foreach (var assembly in builder.GetBindingAssemblies(anchor))
            {
                builder.BuildBindingsFromAssembly(assembly);
            }

            builder.BuildingCompleted();
            var registry = container.Resolve<IBindingRegistry>();
            return ([.. registry.GetStepDefinitions()], [.. registry.GetErrorMessages().Select(error => error.Message)]);
        }
    }
}
