using AgentCompliance.Core.Redaction;
using AgentCompliance.Scenarios.Hosting;
using Reqnroll;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>
/// One line a reader can act on for an exception: our own and Reqnroll's messages are complete as they are;
/// anything else gets its type name, since "Object reference not set to an instance of an object." alone does not
/// say much. Verdicts a step delivers on purpose (assertion exceptions of any test library, and exceptions named
/// <c>*FailedException</c> such as the step library's ControlFailedException) are complete too: their type name would
/// only add noise to what an assessor reads. Stack traces stay out of results (they are for AGENTCOMPLIANCE_DEBUG).
/// </summary>
internal static class ErrorText
{
    public static string Describe(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        // Credential-shaped text never leaves here; the recorder also removes the run's known secret values.
        return Redactor.PatternsOnly.Redact(exception switch
        {
            StepTimeoutException or RunInterruptedException or ReqnrollException => exception.Message,
            _ when IsVerdict(exception.GetType()) => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message}",
        });
    }

    private static bool IsVerdict(Type type) =>
        type.Name.Contains("Assert", StringComparison.Ordinal) || type.Name.EndsWith("FailedException", StringComparison.Ordinal);
}
