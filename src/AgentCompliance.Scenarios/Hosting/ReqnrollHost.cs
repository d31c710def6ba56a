using System.Reflection;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Redaction;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BoDi;
using Reqnroll.Infrastructure;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// One hosted Reqnroll runtime for one run. The runner manager is resolved from a container the host builds itself
/// rather than through <c>TestRunnerManager</c>'s static, assembly-keyed registry, so runs never share state even
/// when one process (a test suite, say) starts several.
/// </summary>
internal sealed class ReqnrollHost : IAsyncDisposable
{
    private readonly IObjectContainer _globalContainer;
    private readonly ITestRunnerManager _manager;
    private bool _disposed;

    private ReqnrollHost(IObjectContainer globalContainer, ITestRunnerManager manager)
    {
        _globalContainer = globalContainer;
        _manager = manager;
    }

    /// <summary>Builds the runtime and its binding registry; invalid bindings are reported as user errors.</summary>
    public static ReqnrollHost Create(HostSettings settings)
    {
        // The "test assembly" only anchors the runtime (bindings come from HostSettings); ours has no bindings.
        var anchor = typeof(ReqnrollHost).Assembly;
        IObjectContainer container;
        ITestRunnerManager manager;
        try
        {
            var builder = new ContainerBuilder(new HostDependencyProvider(settings));
            container = builder.CreateGlobalContainer(anchor, new HostConfigurationProvider());
            manager = container.Resolve<ITestRunnerManager>();
            manager.Initialize(anchor);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new CouldNotRunException($"the Reqnroll runtime could not start: {exception.Message}", exception);
        }

        var host = new ReqnrollHost(container, manager);

        // The first runner builds the binding registry; check it before any hook of the user's runs.
        var probe = manager.GetTestRunner();
        manager.ReleaseTestRunnerToPool(probe);
        return host;
    }

    /// <summary>The run's redaction pass, for text the engine writes itself (warnings, harness errors).</summary>
    public Redactor Redactor => _globalContainer.Resolve<HostSettings>().Redactor;

    public IBindingRegistry BindingRegistry => _globalContainer.Resolve<IBindingRegistry>();

    public IReadOnlyList<Assembly> BindingAssemblies => _manager.BindingAssemblies;

    /// <summary>Binding errors (unloadable types, invalid step expressions), one line each.</summary>
    public IReadOnlyList<string> BindingErrors() => [.. BindingRegistry.GetErrorMessages().Select(error => error.Message)];

    /// <summary>Runs the BeforeTestRun hooks; returns their error instead of throwing it.</summary>
    public async Task<Exception?> StartTestRunAsync()
    {
        try
        {
            await _manager.FireTestRunStartAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    public ITestRunner RentRunner(FeatureInfo feature) => _manager.GetTestRunner(feature);

    public void ReturnRunner(ITestRunner runner) => _manager.ReleaseTestRunnerToPool(runner);

    /// <summary>AfterFeature hooks for pooled runners still on this feature.</summary>
    public Task EndFeatureAsync(FeatureInfo feature) => _manager.EndFeatureForAvailableTestRunnersAsync(feature);

    /// <summary>Remaining AfterFeature hooks, AfterTestRun hooks, formatter flush; errors are thrown.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _manager.DisposeAsync().ConfigureAwait(false);
    }
}
