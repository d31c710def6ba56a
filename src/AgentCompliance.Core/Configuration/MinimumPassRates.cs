using Newtonsoft.Json;

namespace AgentCompliance.Core.Configuration;

/// <summary>Minimum share (0..1) of a framework's tested controls that must pass; null means no threshold.</summary>
public sealed record MinimumPassRates
{
    /// <summary>OWASP Top 10 for Agentic Applications (ASI01–ASI10).</summary>
    public double? Asi { get; init; }

    /// <summary>OWASP Non-Human Identities Top 10 (NHI1–NHI10).</summary>
    public double? Nhi { get; init; }

    /// <summary>CSA MAESTRO layers (L1–L7).</summary>
    public double? Maestro { get; init; }

    /// <summary>NIST AI RMF subcategories.</summary>
    [JsonProperty("nist-ai-rmf")]
    public double? NistAiRmf { get; init; }
}
