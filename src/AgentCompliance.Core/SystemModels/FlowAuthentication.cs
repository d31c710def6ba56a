using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>How the caller on a flow proves who it is.</summary>
public enum FlowAuthentication
{
    [EnumMember(Value = "none")]
    None,

    [EnumMember(Value = "api-key")]
    ApiKey,

    [EnumMember(Value = "basic")]
    Basic,

    [EnumMember(Value = "oauth2")]
    OAuth2,

    [EnumMember(Value = "oauth2-token-exchange")]
    OAuth2TokenExchange,

    [EnumMember(Value = "mtls")]
    Mtls,

    [EnumMember(Value = "spiffe-svid")]
    SpiffeSvid,

    [EnumMember(Value = "session")]
    Session,
}
