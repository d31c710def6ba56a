using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>Sensitivity of the data an element holds or a flow carries.</summary>
public enum DataClassification
{
    [EnumMember(Value = "public")]
    Public,

    [EnumMember(Value = "internal")]
    Internal,

    [EnumMember(Value = "confidential")]
    Confidential,

    [EnumMember(Value = "restricted")]
    Restricted,
}
