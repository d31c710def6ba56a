using System.Runtime.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>How a client authenticates at the token endpoint (OAuth 2.0 / OIDC registered names).</summary>
public enum ClientAuthenticationMethod
{
    [EnumMember(Value = "client_secret_basic")]
    ClientSecretBasic,

    [EnumMember(Value = "client_secret_post")]
    ClientSecretPost,

    [EnumMember(Value = "private_key_jwt")]
    PrivateKeyJwt,

    [EnumMember(Value = "tls_client_auth")]
    TlsClientAuth,

    [EnumMember(Value = "none")]
    None,
}
