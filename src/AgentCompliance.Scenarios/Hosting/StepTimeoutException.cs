using System.Globalization;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>A step or hook ran longer than <c>--step-timeout</c>; it fails that step, never the process.</summary>
public sealed class StepTimeoutException : Exception
{
    public StepTimeoutException()
    {
    }

    public StepTimeoutException(string message)
        : base(message)
    {
    }

    public StepTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static StepTimeoutException For(string what, TimeSpan timeout) =>
        new($"{what} timed out after {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
}
