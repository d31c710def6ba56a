using Reqnroll.Formatters.Configuration;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Turns every runtime formatter off. The engine writes <c>messages.ndjson</c> itself from its own results: Reqnroll's
/// message formatter buffered and re-sorted every event and cost more than the steps. Replaces the default provider,
/// which would read <c>reqnroll.json</c> and environment variables and could switch formatters on behind our back.
/// </summary>
internal sealed class NoFormatters : IFormattersConfigurationProvider
{
    public bool Enabled => false;

    public IDictionary<string, object>? GetFormatterConfigurationByName(string formatterName) => null;

    public string ResolveTemplatePlaceholders(string template) => template;
}
