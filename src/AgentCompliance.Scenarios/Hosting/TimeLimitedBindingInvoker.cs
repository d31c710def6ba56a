using System.Diagnostics;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Wraps Reqnroll's binding invoker so a step or hook that runs too long (or is still running when the user
/// interrupts the run) fails with a clear message instead of hanging the process. The binding starts on a thread-pool
/// thread so that even a synchronously blocking step can be abandoned; the engine then records the error as a
/// failed step and skips the remaining steps, as for any other step error. An abandoned binding keeps running in
/// the background until it returns on its own: .NET cannot stop a thread safely.
/// </summary>
internal sealed class TimeLimitedBindingInvoker(BindingInvoker inner, HostSettings settings) : IAsyncBindingInvoker
{
    // Abandoned steps that still block hold pool threads; a floor well above the cores keeps healthy steps from
    // queueing behind them (the pool otherwise adds only about one thread per half second).
    private const int MinimumPoolThreads = 64;

    static TimeLimitedBindingInvoker()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumPoolThreads), completionPorts);
    }

    public async Task<object> InvokeBindingAsync(IBinding binding, IContextManager contextManager, object[] arguments, ITestTracer testTracer, DurationHolder durationHolder)
    {
        // Hooks are not abandoned on interruption: AfterScenario/AfterFeature hooks are where bindings clean up.
        var isHook = binding is IHookBinding;
        var interruption = isHook ? CancellationToken.None : settings.Interruption;
        var timeout = settings.StepTimeout;
        if (timeout is null && !interruption.CanBeCanceled)
        {
            return await inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        if (interruption.IsCancellationRequested)
        {
            // Interrupted between steps: do not start another one only to abandon it.
            throw new RunInterruptedException();
        }

        // With a time limit the binding runs on a pool thread, so that even a step that blocks synchronously can be
        // abandoned (a blocked, abandoned step holds its thread until it returns; see MinimumPoolThreads). Without one
        // it runs on this thread: the hop was most of the engine's per-step cost. An interruption then still abandons
        // an async step at its next await; a step that blocks synchronously finishes first (within the CLI's
        // Ctrl-C grace period, after which the checkpointed result files stand).
        var invocation = timeout is null
            ? inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder)
            : Task.Run(() => inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder));
        try
        {
            return timeout is { } limit
                ? await invocation.WaitAsync(limit, interruption).ConfigureAwait(false)
                : await invocation.WaitAsync(interruption).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!invocation.IsCompleted)
        {
            Abandon(invocation, durationHolder, started);
            throw StepTimeoutException.For(isHook ? "hook" : "step", timeout!.Value);
        }
        catch (OperationCanceledException) when (interruption.IsCancellationRequested && !invocation.IsCompleted)
        {
            Abandon(invocation, durationHolder, started);
            throw new RunInterruptedException();
        }
    }

    private static void Abandon(Task invocation, DurationHolder durationHolder, long started)
    {
        durationHolder.Duration = Stopwatch.GetElapsedTime(started);

        // Observe whatever the abandoned binding eventually throws, so it never surfaces as an unobserved exception.
        _ = invocation.ContinueWith(
            static finished => _ = finished.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
