using System.Runtime.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>The API the policy decision point speaks.</summary>
public enum PolicyDecisionPointKind
{
    /// <summary>Cerbos' check API.</summary>
    [EnumMember(Value = "cerbos")]
    Cerbos,

    /// <summary>A generic HTTP decision endpoint.</summary>
    [EnumMember(Value = "http")]
    Http,
}
