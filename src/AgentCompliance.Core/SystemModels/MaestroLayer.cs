using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>A CSA MAESTRO layer: L1 Foundation Models … L7 Agent Ecosystem.</summary>
public enum MaestroLayer
{
    [EnumMember(Value = "L1")]
    L1,

    [EnumMember(Value = "L2")]
    L2,

    [EnumMember(Value = "L3")]
    L3,

    [EnumMember(Value = "L4")]
    L4,

    [EnumMember(Value = "L5")]
    L5,

    [EnumMember(Value = "L6")]
    L6,

    [EnumMember(Value = "L7")]
    L7,
}
