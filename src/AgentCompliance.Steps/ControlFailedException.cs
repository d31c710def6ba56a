namespace AgentCompliance.Steps;

/// <summary>
/// A control was checked and does not hold. The message is what an assessor reads in the report, so it names the
/// offending elements and what was expected; it never contains secret values.
/// </summary>
public sealed class ControlFailedException : Exception
{
    public ControlFailedException()
    {
    }

    public ControlFailedException(string message)
        : base(message)
    {
    }

    public ControlFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Fails with one line per violation when there are any.</summary>
    public static void ThrowIfAny(IReadOnlyCollection<string> violations, string summary)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count > 0)
        {
            throw new ControlFailedException($"{summary}:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", violations)}");
        }
    }
}
