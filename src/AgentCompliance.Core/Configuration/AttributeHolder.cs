using System.Runtime.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>Which side of an authorization request carries an attribute.</summary>
public enum AttributeHolder
{
    [EnumMember(Value = "principal")]
    Principal,

    [EnumMember(Value = "resource")]
    Resource,
}
