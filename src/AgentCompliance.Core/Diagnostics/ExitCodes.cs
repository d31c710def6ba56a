namespace AgentCompliance.Core.Diagnostics;

/// <summary>Process exit codes, documented in the README; CI pipelines depend on them.</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded; for gated commands, the gate passed.</summary>
    public const int Success = 0;

    /// <summary>The gate failed: failed, undefined, pending or ambiguous controls.</summary>
    public const int GateFailed = 1;

    /// <summary>Invalid input or usage: malformed file, unknown option, unknown control ID.</summary>
    public const int InvalidInput = 2;

    /// <summary>The harness could not run: target unreachable, Docker missing, internal error.</summary>
    public const int CouldNotRun = 3;
}
