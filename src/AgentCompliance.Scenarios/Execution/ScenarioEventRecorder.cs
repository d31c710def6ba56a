using System.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Hosting;
using AgentCompliance.Scenarios.Parsing;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Events;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>
/// Listens to one test-thread container's execution events and turns them into step results, hook failures and
/// evidence for the scenario currently running on that container. There is one recorder per container and a
/// container runs one scenario at a time, so scenarios never see each other's events; the lock only guards against
/// an abandoned (timed-out) binding that still writes output from a pool thread. When the run writes Cucumber
/// messages it also keeps the bindings and timings they need (<see cref="ScenarioTrace"/>), and only then.
/// </summary>
internal sealed class ScenarioEventRecorder(UndefinedStepAdvisor advisor, HostSettings settings) : IAsyncExecutionEventListener, IEvidenceSink
{
    private const int EvidenceTitleLength = 100;

    private readonly Lock _gate = new();
    private readonly List<StepResult> _steps = [];
    private readonly List<HookFailure> _hookFailures = [];
    private readonly List<EvidenceItem> _evidence = [];
    private readonly List<StepTrace>? _stepTraces = settings.WritesMessages ? [] : null;
    private readonly List<HookTrace>? _hookTraces = settings.WritesMessages ? [] : null;
    private PlannedScenario? _scenario;
    private long _stepStarted;
    private long _hookStarted;
    private HookType? _runningHook;

    public void Begin(PlannedScenario scenario)
    {
        lock (_gate)
        {
            _scenario = scenario;
            _steps.Clear();
            _hookFailures.Clear();
            _evidence.Clear();
            _stepTraces?.Clear();
            _hookTraces?.Clear();
        }
    }

    /// <summary>Stops recording. Evidence written after the last step (AfterScenario hooks) joins the last step;
    /// evidence of hooks before a step (BeforeFeature, BeforeScenario, BeforeStep) joins that step.</summary>
    public RecordedScenario End()
    {
        lock (_gate)
        {
            if (_evidence.Count > 0 && _steps.Count > 0)
            {
                var last = _steps[^1];
                _steps[^1] = last with { Evidence = [.. last.Evidence, .. _evidence] };
            }

            var trace = _stepTraces is null || _hookTraces is null ? null : new ScenarioTrace([.. _stepTraces], [.. _hookTraces]);
            var recorded = new RecordedScenario([.. _steps], [.. _hookFailures], trace);
            _scenario = null;
            _steps.Clear();
            _hookFailures.Clear();
            _evidence.Clear();
            _stepTraces?.Clear();
            _hookTraces?.Clear();
            return recorded;
        }
    }

    public Task OnEventAsync(IExecutionEvent executionEvent)
    {
        lock (_gate)
        {
            if (_scenario is null)
            {
                return Task.CompletedTask;
            }

            switch (executionEvent)
            {
                case StepStartedEvent:
                    _stepStarted = Stopwatch.GetTimestamp();
                    break;
                case StepFinishedEvent finished:
                    _stepTraces?.Add(ToStepTrace(finished.StepContext));
                    _steps.Add(ToStepResult(_scenario, finished.StepContext));
                    _evidence.Clear();
                    break;
                case HookBindingStartedEvent started:
                    _runningHook = started.HookBinding.HookType;
                    _hookStarted = Stopwatch.GetTimestamp();
                    break;
                case HookBindingFinishedEvent finished:
                    _runningHook = null;
                    RecordHook(finished);
                    break;
                case OutputAddedEvent output:
                    AddEvidence(new EvidenceItem("output", FirstLine(output.Text), output.Text ?? string.Empty));
                    break;
                case AttachmentAddedEvent attachment:
                    AddEvidence(new EvidenceItem("attachment", Path.GetFileName(attachment.FilePath) ?? attachment.FilePath, attachment.FilePath));
                    break;
                default:
                    break;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Evidence a step binding attaches through <see cref="IEvidenceSink"/>.</summary>
    public void Add(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            if (_scenario is not null)
            {
                AddEvidence(item);
            }
        }
    }

    private void RecordHook(HookBindingFinishedEvent finished)
    {
        var exception = finished.HookException;
        var error = exception is null ? null : settings.Redactor.Redact(ErrorText.Describe(exception));
        var interrupted = exception is RunInterruptedException;
        if (error is not null)
        {
            _hookFailures.Add(new HookFailure(finished.HookBinding.HookType.ToString(), BindingDescriptions.Method(finished.HookBinding.Method), error, interrupted));
        }

        var status = error is null ? ResultStatus.Passed : interrupted ? ResultStatus.NotRun : ResultStatus.Failed;
        _hookTraces?.Add(new HookTrace(finished.HookBinding, _steps.Count, _hookStarted, Stopwatch.GetElapsedTime(_hookStarted), status, error));
    }

    private StepTrace ToStepTrace(IScenarioStepContext context)
    {
        var match = context.StepInfo.BindingMatch;
        if (match is { Success: true, StepBinding: { } binding })
        {
            return new StepTrace(_stepStarted, [binding], match.Arguments ?? []);
        }

        return context.StepError is AmbiguousBindingException ambiguous
            ? new StepTrace(_stepStarted, [.. ambiguous.Matches.Select(candidate => candidate.StepBinding)], [])
            : new StepTrace(_stepStarted, [], []);
    }

    /// <summary>What an AfterStep hook records belongs to the step it follows; everything else to the next step.
    /// Redacted here, so nothing unredacted is ever stored.</summary>
    private void AddEvidence(EvidenceItem item)
    {
        var redactor = settings.Redactor;
        item = new EvidenceItem(item.Kind, redactor.Redact(item.Title), redactor.Redact(item.Text));
        if (_runningHook == HookType.AfterStep && _steps.Count > 0)
        {
            var last = _steps[^1];
            _steps[^1] = last with { Evidence = [.. last.Evidence, item] };
            return;
        }

        _evidence.Add(item);
    }

    private StepResult ToStepResult(PlannedScenario scenario, IScenarioStepContext context)
    {
        var info = context.StepInfo;
        var planned = _steps.Count < scenario.Steps.Count ? scenario.Steps[_steps.Count] : null;
        var error = context.StepError;
        var status = StepStatus(context.Status, error);
        var match = info.BindingMatch;

        string? snippet = null;
        IReadOnlyList<string> candidates = [];
        string? message = error is null ? null : settings.Redactor.Redact(ErrorText.Describe(error));
        if (status == ResultStatus.Undefined)
        {
            message = "no step definition matches this step";
            if (info.StepInstance is { } instance)
            {
                snippet = advisor.Snippet(instance);
            }

            candidates = advisor.ClosestPatterns(info.Text);
        }
        else if (error is AmbiguousBindingException ambiguous)
        {
            candidates = [.. ambiguous.Matches.Select(candidate => BindingDescriptions.StepDefinition(candidate.StepBinding))];
        }

        return new StepResult
        {
            Keyword = (planned?.Keyword ?? info.StepInstance?.Keyword ?? info.StepDefinitionType.ToString()).Trim(),
            Text = info.Text,
            Line = planned?.Line ?? 0,
            Status = status,
            Duration = Stopwatch.GetElapsedTime(_stepStarted),
            BoundMethod = match is { Success: true, StepBinding: { } binding } ? BindingDescriptions.Method(binding.Method) : null,
            ErrorMessage = message,
            Snippet = snippet,
            Candidates = candidates,
            Evidence = [.. _evidence],
        };
    }

    private static ResultStatus StepStatus(ScenarioExecutionStatus status, Exception? error) => status switch
    {
        ScenarioExecutionStatus.OK => ResultStatus.Passed,
        ScenarioExecutionStatus.StepDefinitionPending => ResultStatus.Pending,
        ScenarioExecutionStatus.UndefinedStep => ResultStatus.Undefined,
        ScenarioExecutionStatus.BindingError when error is AmbiguousBindingException => ResultStatus.Ambiguous,
        ScenarioExecutionStatus.Skipped => ResultStatus.Skipped,
        _ when error is RunInterruptedException => ResultStatus.NotRun,
        _ => ResultStatus.Failed,
    };

    private static string FirstLine(string? text)
    {
        var line = (text ?? string.Empty).Split('\n', 2)[0].TrimEnd('\r');
        return line.Length <= EvidenceTitleLength ? line : line[..(EvidenceTitleLength - 1)] + "…";
    }
}
