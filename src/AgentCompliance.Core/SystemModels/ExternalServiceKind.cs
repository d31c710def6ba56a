using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>What kind of third-party service an element is.</summary>
public enum ExternalServiceKind
{
    [EnumMember(Value = "saas")]
    Saas,

    [EnumMember(Value = "api")]
    Api,

    [EnumMember(Value = "model-provider")]
    ModelProvider,

    [EnumMember(Value = "other")]
    Other,
}
