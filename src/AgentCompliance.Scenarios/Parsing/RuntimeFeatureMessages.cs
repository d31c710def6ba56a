using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace AgentCompliance.Scenarios.Parsing;

/// <summary>
/// The feature's Cucumber messages built at run time. Generated code-behind reads these from an embedded resource;
/// without them the runtime's message formatter skips the feature entirely.
/// </summary>
internal sealed class RuntimeFeatureMessages(Source source, GherkinDocument gherkinDocument, IReadOnlyList<Pickle> pickles) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public Source Source { get; } = source;

    public GherkinDocument GherkinDocument { get; } = gherkinDocument;

    public IEnumerable<Pickle> Pickles { get; } = pickles;
}
