namespace AgentCompliance.Analysis.Rules;

/// <summary>The rules that ship with AgentCompliance, in ID order.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<IAnalysisRule> All { get; } =
    [
        new AC0001HardcodedCredentialRule(),
        new AC0002HardcodedSigningKeyRule(),
        new AC0003SecretInLogRule(),
        new AC0004LongTokenLifetimeRule(),
        new AC0005DisabledTokenValidationRule(),
        new AC0006DisabledTlsValidationRule(),
        new AC0007OverbroadScopeRule(),
        new AC0008ProcessExecutionInToolRule(),
        new AC0009DynamicCodeInToolRule(),
        new AC0010ToolArgumentToFilePathRule(),
        new AC0011ToolArgumentToUrlRule(),
        new AC0012ToolArgumentToSqlRule(),
        new AC0013UnsafeDeserializationRule(),
        new AC0014UntrustedInputInSystemPromptRule(),
        new AC0015AutoInvokedSensitiveToolRule(),
        new AC0016PlaintextHttpRule(),
        new AC0017UnboundedAgentLoopRule(),
        new AC0018ToolWithoutAuditLogRule(),
        new AC0019UnpinnedRemotePluginRule(),
        new AC0020McpServerWithoutAuthorizationRule(),
        new AC0021InsecureTokenTransportRule(),
        new AC0022ToolArgumentToMemoryRule(),
        new AC0023StaticCloudCredentialRule(),
    ];
}
