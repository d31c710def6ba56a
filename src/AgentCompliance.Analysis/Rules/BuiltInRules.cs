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
        new AC0010ToolArgumentToFilePathRule(),
        new AC0012ToolArgumentToSqlRule(),
    ];
}
