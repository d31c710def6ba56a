namespace AgentCompliance.Core.Diagnostics;

/// <summary>
/// The harness could not do its job (target unreachable, Docker missing, a dependency failed to start).
/// The CLI exits 3: this is never a pass and never a gate failure.
/// </summary>
public sealed class CouldNotRunException : Exception
{
    public CouldNotRunException()
    {
    }

    public CouldNotRunException(string message)
        : base(message)
    {
    }

    public CouldNotRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
