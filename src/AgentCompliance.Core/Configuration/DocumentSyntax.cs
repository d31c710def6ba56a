namespace AgentCompliance.Core.Configuration;

/// <summary>How an input file is written; chosen from its extension.</summary>
public enum DocumentSyntax
{
    /// <summary>YAML 1.2 (the default for any extension other than .json).</summary>
    Yaml,

    /// <summary>JSON: parsed by the same YAML reader (so positions are exact) but held to JSON's stricter rules.</summary>
    Json,
}
