using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>Where a flow's requests are logged.</summary>
public enum FlowLogging
{
    [EnumMember(Value = "none")]
    None,

    [EnumMember(Value = "local")]
    Local,

    [EnumMember(Value = "central-audit")]
    CentralAudit,
}
