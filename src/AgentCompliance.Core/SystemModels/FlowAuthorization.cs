using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>When and how a flow's requests are authorised: never, by static grants, or by policy at request time.</summary>
public enum FlowAuthorization
{
    [EnumMember(Value = "none")]
    None,

    [EnumMember(Value = "static")]
    Static,

    [EnumMember(Value = "policy-at-request-time")]
    PolicyAtRequestTime,
}
