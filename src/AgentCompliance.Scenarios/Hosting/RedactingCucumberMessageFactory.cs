using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.ExecutionTracking;
using Reqnroll.Formatters.PayloadProcessing.Cucumber;
using CucumberException = Io.Cucumber.Messages.Types.Exception;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// The runtime's Cucumber message factory with the run's redaction applied to everything a step or hook can put into
/// messages.ndjson: failure messages, exception messages and text attachments (step output). Stack traces are left
/// out, as in every other output (they carry machine paths and, from some libraries, request data).
/// </summary>
internal sealed class RedactingCucumberMessageFactory(HostSettings settings) : CucumberMessageFactory
{
    public override TestStepFinished ToTestStepFinished(TestStepExecutionTracker testStepExecution)
    {
        var finished = base.ToTestStepFinished(testStepExecution);
        return new TestStepFinished(finished.TestCaseStartedId, finished.TestStepId, Redact(finished.TestStepResult), finished.Timestamp);
    }

    public override TestStepFinished ToTestStepFinished(HookStepExecutionTracker hookStepExecution)
    {
        var finished = base.ToTestStepFinished(hookStepExecution);
        return new TestStepFinished(finished.TestCaseStartedId, finished.TestStepId, Redact(finished.TestStepResult), finished.Timestamp);
    }

    public override TestRunHookFinished ToTestRunHookFinished(TestRunHookExecutionTracker hookExecution)
    {
        var finished = base.ToTestRunHookFinished(hookExecution);
        return new TestRunHookFinished(finished.TestRunHookStartedId, Redact(finished.Result), finished.Timestamp);
    }

    public override TestRunFinished ToTestRunFinished(bool testRunStatus, DateTime timestamp, string testRunStartedId)
    {
        var finished = base.ToTestRunFinished(testRunStatus, timestamp, testRunStartedId);
        return new TestRunFinished(Redact(finished.Message), finished.Success, finished.Timestamp, Redact(finished.Exception), finished.TestRunStartedId);
    }

    public override Attachment ToAttachment(AttachmentTracker tracker) => Redact(base.ToAttachment(tracker));

    public override Attachment ToAttachment(OutputMessageTracker tracker) => Redact(base.ToAttachment(tracker));

    private TestStepResult Redact(TestStepResult result) =>
        result is null ? result! : new TestStepResult(result.Duration, Redact(result.Message), result.Status, Redact(result.Exception));

    private CucumberException? Redact(CucumberException? exception) =>
        exception is null ? null : new CucumberException(exception.Type, Redact(exception.Message), null);

    // Base64 bodies are files a binding attached on purpose; text bodies are step output and are redacted.
    private Attachment Redact(Attachment attachment) =>
        attachment is null || attachment.ContentEncoding != AttachmentContentEncoding.IDENTITY
            ? attachment!
            : new Attachment(Redact(attachment.Body) ?? string.Empty, attachment.ContentEncoding, attachment.FileName, attachment.MediaType, attachment.Source,
                attachment.TestCaseStartedId, attachment.TestStepId, attachment.Url, attachment.TestRunStartedId, attachment.TestRunHookStartedId, attachment.Timestamp);

    private string? Redact(string? text) => text is null ? null : settings.Redactor.Redact(text);
}
