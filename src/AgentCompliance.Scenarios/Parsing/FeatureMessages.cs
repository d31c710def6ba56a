using Io.Cucumber.Messages.Types;

namespace AgentCompliance.Scenarios.Parsing;

/// <summary>A feature file as Cucumber messages, built when it is parsed: what <c>messages.ndjson</c> declares before
/// the feature's test cases refer to it.</summary>
internal sealed record FeatureMessages(Source Source, GherkinDocument GherkinDocument, IReadOnlyList<Pickle> Pickles);
