using System.Runtime.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>The least severe failure that still fails the gate; ordered from most to least severe.</summary>
public enum SeverityThreshold
{
    [EnumMember(Value = "critical")]
    Critical,

    [EnumMember(Value = "high")]
    High,

    [EnumMember(Value = "medium")]
    Medium,

    [EnumMember(Value = "low")]
    Low,

    [EnumMember(Value = "info")]
    Info,
}
