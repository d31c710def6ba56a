namespace AgentCompliance.Core.Catalog;

/// <summary>What a catalog entry is within its framework; written in lower case in catalog files.</summary>
public enum ControlKind
{
    /// <summary>A ranked risk of a Top 10 list (ASI, NHI, LLM).</summary>
    Risk,

    /// <summary>A threat of a taxonomy (Agentic AI T-codes, MAESTRO threats).</summary>
    Threat,

    /// <summary>A MAESTRO architecture layer; its threats are its children.</summary>
    Layer,

    /// <summary>A NIST AI RMF function (GOVERN, MAP, MEASURE, MANAGE).</summary>
    Function,

    /// <summary>A NIST AI RMF category such as GOVERN 1.</summary>
    Category,

    /// <summary>A NIST AI RMF subcategory such as GOVERN 1.1.</summary>
    Subcategory,

    /// <summary>An organisation's own control, defined in a user catalog.</summary>
    Control,
}
