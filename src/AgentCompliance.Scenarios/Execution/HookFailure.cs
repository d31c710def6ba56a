namespace AgentCompliance.Scenarios.Execution;

/// <summary>A hook that threw while a scenario was being recorded.</summary>
/// <param name="HookType">E.g. <c>BeforeScenario</c>.</param>
/// <param name="Method">The hook method, as <c>Namespace.Type.Method()</c>.</param>
/// <param name="Message">What went wrong, one line.</param>
/// <param name="Interrupted">True when the hook was abandoned because the run was interrupted.</param>
internal sealed record HookFailure(string HookType, string Method, string Message, bool Interrupted)
{
    public override string ToString() => $"[{HookType}] {Method}: {Message}";
}
