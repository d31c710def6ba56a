using Reqnroll.Formatters.Configuration;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Turns on exactly one of the runtime's formatters, the Cucumber <c>message</c> formatter, writing to the run's
/// output folder. Replaces the default provider, which would read <c>reqnroll.json</c> and environment variables.
/// </summary>
internal sealed class MessageFormatterConfiguration(HostSettings settings) : IFormattersConfigurationProvider
{
    private const string MessageFormatterName = "message";

    public bool Enabled => settings.MessagesFilePath is not null;

    public IDictionary<string, object>? GetFormatterConfigurationByName(string formatterName) =>
        Enabled && string.Equals(formatterName, MessageFormatterName, StringComparison.OrdinalIgnoreCase)
            ? new Dictionary<string, object> { ["outputFilePath"] = settings.MessagesFilePath! }
            : null;

    // The output path is ours and absolute; no placeholders to expand.
    public string ResolveTemplatePlaceholders(string template) => template;
}
