using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>What kind of principal an identity is; 'shared' marks one knowingly used by several principals.</summary>
public enum IdentityKind
{
    [EnumMember(Value = "workload")]
    Workload,

    [EnumMember(Value = "service-account")]
    ServiceAccount,

    [EnumMember(Value = "human")]
    Human,

    [EnumMember(Value = "shared")]
    Shared,
}
