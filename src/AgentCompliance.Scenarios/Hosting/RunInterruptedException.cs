namespace AgentCompliance.Scenarios.Hosting;

/// <summary>The run was cancelled (Ctrl-C) while a step was running; the step was abandoned, not failed.</summary>
public sealed class RunInterruptedException : Exception
{
    public RunInterruptedException()
        : base("the run was interrupted while this step was running")
    {
    }

    public RunInterruptedException(string message)
        : base(message)
    {
    }

    public RunInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
