using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>What separates the inside of a trust boundary from the outside.</summary>
public enum TrustBoundaryKind
{
    [EnumMember(Value = "network")]
    Network,

    [EnumMember(Value = "process")]
    Process,

    [EnumMember(Value = "tenant")]
    Tenant,

    [EnumMember(Value = "organisation")]
    Organisation,
}
