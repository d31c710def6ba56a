using System.Reflection;
using Reqnroll.Bindings.Discovery;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Builds the binding registry from exactly the run's binding assemblies (built-in step library plus the user's
/// <c>--bindings</c> DLLs), instead of "test assembly + reqnroll.json bindingAssemblies loaded by name", which
/// cannot load a DLL from an arbitrary folder. Discovery itself stays Reqnroll's.
/// </summary>
internal sealed class ExplicitBindingAssemblies(RuntimeBindingRegistryBuilder inner, HostSettings settings) : IRuntimeBindingRegistryBuilder
{
    public Assembly[] GetBindingAssemblies(Assembly testAssembly) => [.. settings.BindingAssemblies];

    public void BuildBindingsFromAssembly(Assembly assembly) => inner.BuildBindingsFromAssembly(assembly);

    public void BuildingCompleted() => inner.BuildingCompleted();
}
