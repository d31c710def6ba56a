using System.Collections.Concurrent;
using NJsonSchema;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// The JSON Schemas embedded in this assembly (src/AgentCompliance.Core/Schemas, draft-07). Pass a name from here to
/// <see cref="SchemaValidatedDocumentLoader"/>; users can print them with <c>agentcompliance schema</c>.
/// </summary>
public static class SchemaResources
{
    public const string Prefix = "AgentCompliance.Schemas.";

    /// <summary>The target profile, agentcompliance.yaml.</summary>
    public const string Profile = Prefix + "profile.schema.json";

    /// <summary>The system model: agents, identities, tools, data stores, trust boundaries, flows.</summary>
    public const string SystemModel = Prefix + "system-model.schema.json";

    /// <summary>A control catalog (built-in frameworks and users' own catalogs).</summary>
    public const string Catalog = Prefix + "catalog.schema.json";

    /// <summary>results.json, the machine-readable record of one run.</summary>
    public const string Results = Prefix + "results.schema.json";

    /// <summary>Decisions about threats (accepted, mitigated, false positive), kept beside the system model.</summary>
    public const string RiskTracking = Prefix + "risk-tracking.schema.json";

    /// <summary>Accepted failures with justification, owner and expiry, keyed by control, scenario or fingerprint.</summary>
    public const string Waivers = Prefix + "waivers.schema.json";

    /// <summary>threat-model.json, the machine-readable threat model joined with run evidence.</summary>
    public const string ThreatModel = Prefix + "threat-model.schema.json";

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Parsed = new(StringComparer.Ordinal);

    /// <summary>Names of every embedded schema.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(SchemaResources).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The schema's JSON text, e.g. to save it next to a file for an editor.</summary>
    public static string GetText(string resourceName)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        using var stream = typeof(SchemaResources).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException($"No embedded schema named '{resourceName}'; known: {string.Join(", ", Names)}", nameof(resourceName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed schema, parsed once per process.</summary>
    public static JsonSchema Get(string resourceName) =>
        Parsed.GetOrAdd(resourceName, name => new Lazy<JsonSchema>(() => Parse(name))).Value;

    // The embedded schemas only use local '#/definitions' references, so parsing does no I/O and blocking is safe.
    private static JsonSchema Parse(string resourceName) =>
        JsonSchema.FromJsonAsync(GetText(resourceName)).GetAwaiter().GetResult();
}
