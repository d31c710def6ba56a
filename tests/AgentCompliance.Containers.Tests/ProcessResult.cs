namespace AgentCompliance.Containers.Tests;

/// <summary>How a program run by the tests ended: its exit code, standard output and standard error.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string Console => Output + Error;
}
