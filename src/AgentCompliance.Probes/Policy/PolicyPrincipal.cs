using System.Text.Json;

namespace AgentCompliance.Probes.Policy;

/// <summary>Who asks: an agent's identity, its roles and request-time attributes (JSON values).</summary>
public sealed record PolicyPrincipal(string Id, IReadOnlyList<string> Roles)
{
    public IReadOnlyDictionary<string, JsonElement> Attributes { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
