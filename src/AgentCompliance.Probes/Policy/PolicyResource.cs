using System.Text.Json;

namespace AgentCompliance.Probes.Policy;

/// <summary>What is asked for: a resource of a kind (e.g. the tool <c>search_documents</c> of kind <c>tool</c>) and its attributes.</summary>
public sealed record PolicyResource(string Kind, string Id)
{
    public IReadOnlyDictionary<string, JsonElement> Attributes { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
