using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>The judgements threat rules share, so "short-lived" or "sensitive" means the same in every rule.</summary>
public static class ElementFacts
{
    /// <summary>A credential living longer than this outlasts a task (the article's just-in-time access).</summary>
    public const int TaskScopedLifetimeSeconds = 900;

    /// <summary>Secrets rotated less often than this are long-lived (NHI7).</summary>
    public const int MaxRotationDays = 90;

    /// <summary>Anything beyond reading: writes, deletes, payments, privilege changes.</summary>
    public static bool ChangesState(this ToolSensitivity sensitivity) => sensitivity != ToolSensitivity.Read;

    /// <summary>Destructive, financial or privileged: a single misuse does lasting harm.</summary>
    public static bool IsHighImpact(this ToolSensitivity sensitivity) =>
        sensitivity is ToolSensitivity.Destructive or ToolSensitivity.Financial or ToolSensitivity.Privileged;

    public static bool IsSensitive(this DataClassification? classification) =>
        classification is DataClassification.Confidential or DataClassification.Restricted;

    /// <summary>A secret that can be copied and replayed from anywhere: client secret, API key, password.</summary>
    public static bool IsCopyableSecret(this CredentialType? credential) =>
        credential is CredentialType.ClientSecret or CredentialType.ApiKey or CredentialType.Password;

    /// <summary>No authentication, or one that proves possession of a static shared value only.</summary>
    public static bool IsWeak(this FlowAuthentication authentication) =>
        authentication is FlowAuthentication.None or FlowAuthentication.ApiKey or FlowAuthentication.Basic;

    public static bool IsPlaintext(this FlowProtocol protocol) => protocol is FlowProtocol.Http;

    /// <summary>True when the credential is known to outlive a task, or its lifetime is not stated.</summary>
    public static bool OutlivesTask(int? lifetimeSeconds) => lifetimeSeconds is null or > TaskScopedLifetimeSeconds;
}
