using AgentCompliance.Core.Results;
using Spectre.Console;

namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>
/// Shows a run on the console. <see cref="RunConsoleMode.Live"/>: a progress bar (scenarios done/total, scenarios not
/// passed so far, current feature, elapsed time) with a line above it for every scenario that did not pass.
/// <see cref="RunConsoleMode.Plain"/>: one line per finished scenario. Both end with <see cref="RunSummaryRenderer"/>.
/// Scenarios finish on several threads in parallel runs; every console write happens under one lock.
/// </summary>
public sealed class ConsoleRunObserver : IRunObserver, IDisposable
{
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private RunConsoleMode _mode;
    private int _total;
    private int _done;
    private int _notPassed;
    private string? _currentFeature;
    private ProgressContext? _progressContext;
    private ProgressTask? _progressTask;
    private TaskCompletionSource? _stopProgress;
    private Task? _progressLoop;

    public ConsoleRunObserver(IAnsiConsole console, RunConsoleMode mode, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _mode = mode;
        _time = timeProvider ?? TimeProvider.System;
    }

    public void RunStarted(int scenarioCount)
    {
        lock (_gate)
        {
            _total = scenarioCount;
            _done = 0;
            _notPassed = 0;
            if (_mode == RunConsoleMode.Live && StartProgressLocked())
            {
                return;
            }

            _console.WriteLine(scenarioCount == 1 ? "Running 1 scenario" : $"Running {scenarioCount} scenarios");
        }
    }

    public void ScenarioStarted(string featureName, string scenarioName)
    {
        lock (_gate)
        {
            _currentFeature = featureName;
            UpdateProgressLocked();
        }
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _done++;
            if (result.Status is ResultStatus.Failed or ResultStatus.Undefined or ResultStatus.Pending or ResultStatus.Ambiguous)
            {
                _notPassed++;
            }

            // Live output keeps the screen for what needs attention; plain output is a complete log.
            if (_progressTask is null || result.Status != ResultStatus.Passed)
            {
                ScenarioLine.Write(_console, result);
            }

            if (_progressTask is not null)
            {
                _progressTask.Increment(1);
                UpdateProgressLocked();
            }
        }
    }

    public void RunFinished(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        StopProgress();
        lock (_gate)
        {
            RunSummaryRenderer.Render(_console, result);
        }
    }

    /// <summary>Ends the progress display if the run never finished (crash, cancellation).</summary>
    public void Dispose() => StopProgress();

    private bool StartProgressLocked()
    {
        var ready = new TaskCompletionSource<(ProgressContext Context, ProgressTask Task)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var description = DescribeLocked();
        var maxValue = Math.Max(_total, 1);
        var progress = new Progress(_console, _time)
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(
                new SpinnerColumn(),
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn());

        // The progress display owns a render loop for as long as its delegate runs; the delegate waits for the run.
        var loop = Task.Run(() => progress.StartAsync(async context =>
        {
            var task = context.AddTask(description, autoStart: true, maxValue: maxValue);
            ready.SetResult((context, task));
            await stop.Task.ConfigureAwait(false);
            task.Value = task.MaxValue;
        }));

        if (Task.WaitAny(ready.Task, loop) == 1 || !ready.Task.IsCompletedSuccessfully)
        {
            // Spectre refused (another live display is active): fall back to plain lines rather than fail the run.
            _ = loop.Exception;
            _mode = RunConsoleMode.Plain;
            return false;
        }

        (_progressContext, _progressTask) = ready.Task.Result;
        _stopProgress = stop;
        _progressLoop = loop;
        return true;
    }

    private void StopProgress()
    {
        Task? loop;
        lock (_gate)
        {
            _stopProgress?.TrySetResult();
            loop = _progressLoop;
            _progressLoop = null;
            _stopProgress = null;
            _progressTask = null;
            _progressContext = null;
        }

        // Outside the lock: the render loop's last frame must not wait for a scenario line, nor the other way round.
        loop?.GetAwaiter().GetResult();
    }

    private void UpdateProgressLocked()
    {
        if (_progressTask is not null)
        {
            _progressTask.Description = DescribeLocked();

            // Redraw now rather than at the next tick, so a finished scenario shows at once.
            _progressContext?.Refresh();
        }
    }

    // Spectre parses task descriptions as markup, so the feature name is escaped.
    private string DescribeLocked()
    {
        var failures = _notPassed == 0 ? "0 not passed" : $"[red]{_notPassed} not passed[/]";
        var feature = _currentFeature is null ? string.Empty : $" · {Markup.Escape(ConsoleSafeText.Line(_currentFeature))}";
        return $"{_done}/{_total} scenarios · {failures}{feature}";
    }
}
