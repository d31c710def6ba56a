using System.Runtime.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>Which failures count against the gate.</summary>
public enum GateFailOn
{
    /// <summary>Every failure.</summary>
    [EnumMember(Value = "all")]
    All,

    /// <summary>Only failures that the baseline run did not have.</summary>
    [EnumMember(Value = "new")]
    New,
}
