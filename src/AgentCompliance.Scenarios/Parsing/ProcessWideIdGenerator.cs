using System.Globalization;
using Gherkin.CucumberMessages;

namespace AgentCompliance.Scenarios.Parsing;

/// <summary>
/// Cucumber message ids from one counter per process. Every parse and every messages writer draws from it, so ids
/// never collide, even when a session runs features parsed separately. A CLI run parses once, from a fresh process,
/// so its ids are still the same from run to run.
/// </summary>
internal sealed class ProcessWideIdGenerator : IIdGenerator
{
    private static long _last = -1;

    public static ProcessWideIdGenerator Instance { get; } = new();

    public static string Next() => Interlocked.Increment(ref _last).ToString(CultureInfo.InvariantCulture);

    public string GetNewId() => Next();
}
