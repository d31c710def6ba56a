using System.Buffers;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;
using AgentCompliance.Scenarios.Parsing;
using Io.Cucumber.Messages.Types;
using Reqnroll.Infrastructure;
using Exception = System.Exception;

namespace AgentCompliance.Scenarios.MessageOutput;

/// <summary>
/// The envelopes of one finished test case, in protocol order: <c>testCase</c>, suggestions for undefined steps,
/// <c>testCaseStarted</c>, then per test step <c>testStepStarted</c>, evidence attachments and <c>testStepFinished</c>,
/// and <c>testCaseFinished</c>. Test steps are the pickle's steps with the hooks that ran placed where they ran.
/// </summary>
internal static class TestCaseMessages
{
    // Cucumber's own order of severity: a test case has the status of its worst step.
    private static readonly TestStepResultStatus[] Severity =
    [
        TestStepResultStatus.UNKNOWN, TestStepResultStatus.PASSED, TestStepResultStatus.SKIPPED, TestStepResultStatus.PENDING,
        TestStepResultStatus.UNDEFINED, TestStepResultStatus.AMBIGUOUS, TestStepResultStatus.FAILED,
    ];

    /// <summary>Writes the test case to <paramref name="block"/>; true when it uses the writer's harness hook.</summary>
    public static bool Write(ArrayBufferWriter<byte> block, PlannedScenario scenario, ScenarioResult result, ScenarioTrace? trace, TimeSpan startedAt, CucumberMessagesWriter writer)
    {
        var pickle = scenario.Pickle ?? throw new ArgumentException("the scenario has no pickle", nameof(scenario));
        var testSteps = new List<TestStep>(pickle.Steps.Count);
        var runs = new List<StepRun>(pickle.Steps.Count);
        var suggestions = new List<Suggestion>();
        IReadOnlyList<HookTrace> hooks = trace?.Hooks ?? [];
        IReadOnlyList<StepTrace> stepTraces = trace?.Steps ?? [];
        var cursor = startedAt;
        var hook = 0;

        void AddHooksUpTo(int position)
        {
            for (; hook < hooks.Count && hooks[hook].Position <= position; hook++)
            {
                var ran = hooks[hook];
                if (writer.HookId(ran.Binding) is not { } hookId)
                {
                    continue;
                }

                var id = ProcessWideIdGenerator.Next();
                var start = Later(writer.Clock.Offset(ran.StartedAt), cursor);
                testSteps.Add(new TestStep(hookId, id, null, null, null));
                runs.Add(new StepRun(id, start, ran.Duration, StatusOf(ran.Status), ran.Error, []));
                cursor = start + ran.Duration;
            }
        }

        for (var index = 0; index < pickle.Steps.Count; index++)
        {
            AddHooksUpTo(index);
            var pickleStep = pickle.Steps[index];
            var step = index < result.Steps.Count ? result.Steps[index] : null;
            var stepTrace = index < stepTraces.Count ? stepTraces[index] : null;
            var definitionIds = new List<string>();
            foreach (var binding in stepTrace?.Bindings ?? [])
            {
                if (writer.StepDefinitionId(binding) is { } definitionId)
                {
                    definitionIds.Add(definitionId);
                }
            }

            var arguments = definitionIds.Count == 1 && stepTrace is { Arguments.Count: > 0 } ? Arguments(pickleStep.Text, stepTrace.Arguments) : null;
            var id = ProcessWideIdGenerator.Next();
            testSteps.Add(new TestStep(null, id, pickleStep.Id, definitionIds, arguments is null ? null : [arguments]));
            var duration = step?.Duration ?? TimeSpan.Zero;
            var start = stepTrace is null ? cursor : Later(writer.Clock.Offset(stepTrace.StartedAt), cursor);
            runs.Add(new StepRun(id, start, duration, step is null ? TestStepResultStatus.SKIPPED : StatusOf(step.Status), step?.ErrorMessage, step?.Evidence ?? []));
            cursor = start + duration;
            if (step?.Snippet is { } snippet)
            {
                suggestions.Add(new Suggestion(ProcessWideIdGenerator.Next(), pickleStep.Id, [new Snippet("csharp", snippet)]));
            }
        }

        AddHooksUpTo(int.MaxValue);

        // An outcome no step shows (a failed BeforeTestRun hook, no steps at all) gets a step of its own, first.
        var expected = StatusOf(result.Status);
        var usesHarnessHook = runs.Count == 0 || Rank(expected) > runs.Max(run => Rank(run.Status));
        if (usesHarnessHook)
        {
            var id = ProcessWideIdGenerator.Next();
            testSteps.Insert(0, new TestStep(writer.HarnessHookId, id, null, null, null));
            runs.Insert(0, new StepRun(id, startedAt, TimeSpan.Zero, expected, result.ErrorMessage, []));
        }

        var testCaseId = ProcessWideIdGenerator.Next();
        var testCaseStartedId = ProcessWideIdGenerator.Next();
        NdjsonLines.Append(block, Envelope.Create(new TestCase(testCaseId, pickle.Id, testSteps, writer.TestRunStartedId)));
        foreach (var suggestion in suggestions)
        {
            NdjsonLines.Append(block, Envelope.Create(suggestion));
        }

        var clock = writer.Clock;
        NdjsonLines.Append(block, Envelope.Create(new TestCaseStarted(0, testCaseStartedId, testCaseId, null, clock.At(startedAt))));
        foreach (var run in runs)
        {
            NdjsonLines.Append(block, Envelope.Create(new TestStepStarted(testCaseStartedId, run.TestStepId, clock.At(run.StartedAt))));
            foreach (var evidence in run.Evidence)
            {
                NdjsonLines.Append(block, Envelope.Create(Attachment(evidence, testCaseStartedId, run.TestStepId)));
            }

            var stepResult = new TestStepResult(MessageClock.ToDuration(run.Duration), run.Message, run.Status, null);
            NdjsonLines.Append(block, Envelope.Create(new TestStepFinished(testCaseStartedId, run.TestStepId, stepResult, clock.At(run.StartedAt + run.Duration))));
        }

        var finishedAt = Later(startedAt + result.Duration, cursor);
        NdjsonLines.Append(block, Envelope.Create(new TestCaseFinished(testCaseStartedId, clock.At(finishedAt), false)));
        return usesHarnessHook;
    }

    /// <remarks>Cucumber has no "interrupted", and consumers rank UNKNOWN below PASSED: a step or hook the
    /// interruption stopped is FAILED, with the interruption as its message, so no consumer reports its test case
    /// as passed.</remarks>
    public static TestStepResultStatus StatusOf(ResultStatus status) => status switch
    {
        ResultStatus.Passed => TestStepResultStatus.PASSED,
        ResultStatus.Undefined => TestStepResultStatus.UNDEFINED,
        ResultStatus.Pending => TestStepResultStatus.PENDING,
        ResultStatus.Ambiguous => TestStepResultStatus.AMBIGUOUS,
        ResultStatus.Skipped => TestStepResultStatus.SKIPPED,
        _ => TestStepResultStatus.FAILED,
    };

    private static int Rank(TestStepResultStatus status) => Array.IndexOf(Severity, status);

    private static TimeSpan Later(TimeSpan first, TimeSpan second) => first > second ? first : second;

    /// <summary>Argument positions for the step text, when the runtime reported them as matched text; else none.</summary>
    private static StepMatchArgumentsList? Arguments(string text, IReadOnlyList<MatchArgument> arguments)
    {
        var list = new List<StepMatchArgument>(arguments.Count);
        foreach (var argument in arguments)
        {
            if (argument is not { StartOffset: { } start, Value: string value } || start < 0 || start + value.Length > text.Length
                || string.CompareOrdinal(text, start, value, 0, value.Length) != 0)
            {
                return null;
            }

            list.Add(new StepMatchArgument(new Group([], start, value), null));
        }

        return new StepMatchArgumentsList(list);
    }

    private static Attachment Attachment(EvidenceItem evidence, string testCaseStartedId, string testStepId)
    {
        // File attachments are linked, not embedded: they can be large, and they stay in the output folder.
        var (body, mediaType, fileName) = evidence.Kind switch
        {
            "output" => (evidence.Text, "text/x.cucumber.log+plain", (string?)null),
            "attachment" => (FileUri(evidence.Text), "text/uri-list", evidence.Title),
            _ => (evidence.Text, "text/plain", evidence.Title),
        };
        return new Attachment(body, AttachmentContentEncoding.IDENTITY, fileName, mediaType, null, testCaseStartedId, testStepId, null, null, null, null);
    }

    private static string FileUri(string path)
    {
        try
        {
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }
        catch (Exception exception) when (exception is ArgumentException or UriFormatException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private readonly record struct StepRun(string TestStepId, TimeSpan StartedAt, TimeSpan Duration, TestStepResultStatus Status, string? Message, IReadOnlyList<EvidenceItem> Evidence);
}
