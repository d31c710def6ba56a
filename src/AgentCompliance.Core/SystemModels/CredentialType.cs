using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>The kind of credential an identity authenticates with.</summary>
public enum CredentialType
{
    [EnumMember(Value = "client-secret")]
    ClientSecret,

    [EnumMember(Value = "private-key-jwt")]
    PrivateKeyJwt,

    [EnumMember(Value = "x509-certificate")]
    X509Certificate,

    [EnumMember(Value = "spiffe-svid")]
    SpiffeSvid,

    [EnumMember(Value = "api-key")]
    ApiKey,

    [EnumMember(Value = "password")]
    Password,

    [EnumMember(Value = "federated-token")]
    FederatedToken,

    [EnumMember(Value = "none")]
    None,
}
