using System.Diagnostics;
using Io.Cucumber.Messages.Types;

namespace AgentCompliance.Scenarios.MessageOutput;

/// <summary>
/// Wall-clock message timestamps from <see cref="Stopwatch"/> readings: one clock reading when the writer starts,
/// then monotonic offsets, so a test case's timestamps never run backwards when the system clock is adjusted.
/// </summary>
internal sealed class MessageClock
{
    private readonly long _unixTicks = DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks;
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Time since the clock started at a <see cref="Stopwatch"/> timestamp.</summary>
    public TimeSpan Offset(long stopwatchTimestamp) => Stopwatch.GetElapsedTime(_started, stopwatchTimestamp);

    public Timestamp Now() => At(Stopwatch.GetElapsedTime(_started));

    public Timestamp At(TimeSpan offset)
    {
        var ticks = _unixTicks + offset.Ticks;
        return new Timestamp(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }

    public static Duration ToDuration(TimeSpan duration)
    {
        var ticks = Math.Max(0, duration.Ticks);
        return new Duration(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }
}
