namespace AgentCompliance.Analysis.Engine;

/// <summary>Where untrusted data is dangerous; sanitisers are specific to a sink kind.</summary>
public enum SinkKind
{
    FilePath,
    Url,
    Sql,
    Code,
    Prompt,
    Memory,
}
