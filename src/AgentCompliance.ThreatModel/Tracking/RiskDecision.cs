using System.Runtime.Serialization;

namespace AgentCompliance.ThreatModel.Tracking;

/// <summary>What the owners decided about a threat: accepted, mitigated outside the harness, or a false positive.</summary>
public enum RiskDecision
{
    [EnumMember(Value = "accepted")]
    Accepted,

    [EnumMember(Value = "mitigated")]
    Mitigated,

    [EnumMember(Value = "false-positive")]
    FalsePositive,
}
