using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Output;

/// <summary>
/// Keeps the output folder valid while a run executes: at run start and then at most once per interval as scenarios
/// finish, it rewrites every output as a partial run (<c>interrupted: true</c>, reason starting with
/// <see cref="InProgressReason"/>, unfinished scenarios absent). Ctrl-C, a crash or a CI timeout therefore leave
/// files that say the run did not complete instead of nothing, or a previous run's results. <see cref="RunFinished"/>
/// replaces them with the final result — once, after the optional finishing step (the release gate's verdict) — and
/// no checkpoint is written after that.
/// </summary>
public sealed class CheckpointingRunObserver : IRunObserver, IDisposable
{
    /// <summary>Start of the interruption reason of every checkpoint.</summary>
    public const string InProgressReason = "run in progress";

    private readonly RunOutputWriter _output;
    private readonly string _toolVersion;
    private readonly TimeProvider _time;
    private readonly TimeSpan _minimumInterval;
    private readonly Func<RunResult, RunResult>? _finish;
    private readonly List<ScenarioResult> _finished = [];
    private readonly Lock _gate = new();

    // Serialises file writes. Held while a file is written, so the gate above is never held that long: scenario
    // threads only wait for the gate, not for a checkpoint of thousands of scenarios to reach the disk.
    private readonly Lock _writing = new();
    private int _writtenCount = -1;

    private DateTimeOffset _startedAt;
    private int _expectedScenarios;
    private DateTimeOffset? _lastWrite;
    private bool _dirty;
    private bool _runFinished;
    private bool _disposed;
    private ITimer? _trailingWrite;

    /// <param name="output">Where the files go; the same writer the final result is written with.</param>
    /// <param name="toolVersion">Recorded in each checkpoint, as the final result will.</param>
    /// <param name="timeProvider">Clock for the run start and the write interval.</param>
    /// <param name="minimumInterval">Least time between two checkpoint writes; one second unless given.</param>
    /// <param name="finish">Completes the run's result before it is written (e.g. adds the gate's verdict), so the final files are written once.</param>
    public CheckpointingRunObserver(RunOutputWriter output, string toolVersion, TimeProvider? timeProvider = null, TimeSpan? minimumInterval = null, Func<RunResult, RunResult>? finish = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrEmpty(toolVersion);
        _output = output;
        _toolVersion = toolVersion;
        _time = timeProvider ?? TimeProvider.System;
        _minimumInterval = minimumInterval ?? TimeSpan.FromSeconds(1);
        _finish = finish;
        ArgumentOutOfRangeException.ThrowIfLessThan(_minimumInterval, TimeSpan.Zero, nameof(minimumInterval));
        _startedAt = _time.GetUtcNow();
    }

    /// <summary>The result written by <see cref="RunFinished"/> (after the finishing step); null until then.</summary>
    public RunResult? FinalResult { get; private set; }

    /// <summary>The last checkpoint write that failed (disk full, folder removed), if any; the run goes on regardless.</summary>
    public CouldNotRunException? LastCheckpointError { get; private set; }

    /// <summary>Writes an empty in-progress checkpoint at once, so stale files from an earlier run never survive.</summary>
    /// <exception cref="CouldNotRunException">The output folder cannot be written: better to stop before running anything.</exception>
    public void RunStarted(int scenarioCount)
    {
        // Same lock order as every checkpoint write: the writing lock, then the gate.
        lock (_writing)
        {
            lock (_gate)
            {
                _startedAt = _time.GetUtcNow();
                _expectedScenarios = scenarioCount;
                _finished.Clear();
                _output.Write(Checkpoint());
                _writtenCount = 0;
                _lastWrite = _time.GetUtcNow();
                _dirty = false;
            }
        }
    }

    public void ScenarioStarted(string featureName, string scenarioName)
    {
        // Nothing to record: a checkpoint lists finished scenarios only.
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RunResult checkpoint;
        lock (_gate)
        {
            if (_runFinished || _disposed)
            {
                return;
            }

            _finished.Add(result);
            _dirty = true;
            var now = _time.GetUtcNow();
            var dueAt = (_lastWrite ?? DateTimeOffset.MinValue) + _minimumInterval;
            if (_lastWrite is not null && now < dueAt)
            {
                // Throttled: make sure the scenarios that just finished still reach disk if nothing else finishes.
                ScheduleTrailingWriteLocked(dueAt - now);
                return;
            }

            checkpoint = TakeCheckpointLocked();
        }

        WriteCheckpoint(checkpoint);
    }

    /// <summary>Writes the final result, completed by the finishing step, over the checkpoints.</summary>
    /// <exception cref="CouldNotRunException">The final files cannot be written.</exception>
    public void RunFinished(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var final = _finish?.Invoke(result) ?? result;
        lock (_gate)
        {
            _runFinished = true;
            _trailingWrite?.Dispose();
            _trailingWrite = null;
        }

        // After any checkpoint write in progress; checkpoints that start later see the run finished and stand down.
        lock (_writing)
        {
            _output.Write(final);
            FinalResult = final;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _trailingWrite?.Dispose();
            _trailingWrite = null;
        }
    }

    private void ScheduleTrailingWriteLocked(TimeSpan delay)
    {
        if (_trailingWrite is null)
        {
            _trailingWrite = _time.CreateTimer(_ => OnTrailingWrite(), null, delay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _trailingWrite.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTrailingWrite()
    {
        RunResult checkpoint;
        lock (_gate)
        {
            if (!_dirty || _runFinished || _disposed)
            {
                return;
            }

            checkpoint = TakeCheckpointLocked();
        }

        WriteCheckpoint(checkpoint);
    }

    /// <summary>Snapshots the finished scenarios and marks them written; the caller writes the snapshot outside the gate.</summary>
    private RunResult TakeCheckpointLocked()
    {
        _lastWrite = _time.GetUtcNow();
        _dirty = false;
        return Checkpoint();
    }

    private void WriteCheckpoint(RunResult checkpoint)
    {
        lock (_writing)
        {
            lock (_gate)
            {
                // The final result is written (or about to be), or a newer checkpoint already went out: nothing to add.
                if (_runFinished || _disposed || checkpoint.Scenarios.Count <= _writtenCount)
                {
                    return;
                }
            }

            try
            {
                _output.Write(checkpoint);
                LastCheckpointError = null;
                _writtenCount = checkpoint.Scenarios.Count;
            }
            catch (CouldNotRunException e)
            {
                // A failed checkpoint must not end the run: the final write reports a folder that stays unwritable.
                LastCheckpointError = e;
            }
        }
    }

    private RunResult Checkpoint() => new()
    {
        ToolVersion = _toolVersion,
        StartedAt = _startedAt,
        FinishedAt = null,
        Interrupted = true,
        InterruptionReason = $"{InProgressReason}: {_finished.Count} of {Math.Max(_expectedScenarios, _finished.Count)} scenarios finished",
        Scenarios = [.. _finished],
    };
}
