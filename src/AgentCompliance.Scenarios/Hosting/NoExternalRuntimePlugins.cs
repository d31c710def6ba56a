using Reqnroll.Plugins;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Reqnroll would load every <c>*.ReqnrollPlugin.dll</c> from the working directory and next to the runtime; a
/// harness must not pick up whatever a folder happens to contain, so the only plugin is the host's own.
/// </summary>
internal sealed class NoExternalRuntimePlugins : IRuntimePluginLocator
{
    public IReadOnlyList<string> GetAllRuntimePlugins() => [];
}
