using System.Globalization;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Scenarios.Filtering;

/// <summary>One part of a run split across machines: shard <see cref="Index"/> of <see cref="Count"/> (<c>--shard K/N</c>).</summary>
public sealed record ScenarioShard
{
    private const string Hint = "use K/N, e.g. 2/4";

    /// <exception cref="ArgumentOutOfRangeException">Not 1 &lt;= index &lt;= count.</exception>
    public ScenarioShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>1-based: K of K/N.</summary>
    public int Index { get; }

    /// <summary>N of K/N.</summary>
    public int Count { get; }

    /// <summary>Parses <c>K/N</c> with 1 &lt;= K &lt;= N.</summary>
    /// <exception cref="InvalidInputException">Anything else, located at <paramref name="origin"/>.</exception>
    public static ScenarioShard Parse(string? text, string origin = "--shard")
    {
        ArgumentNullException.ThrowIfNull(origin);
        var parts = (text ?? string.Empty).Trim().Split('/');
        if (parts.Length != 2 || !TryParseNumber(parts[0], out var index) || !TryParseNumber(parts[1], out var count))
        {
            throw new InvalidInputException(new InputProblem(origin, 0, 0, $"'{text}' is not a shard", Hint));
        }

        if (count < 1 || index < 1 || index > count)
        {
            throw new InvalidInputException(new InputProblem(origin, 0, 0, $"shard {index}/{count} does not exist: K must be between 1 and N, and N at least 1", Hint));
        }

        return new ScenarioShard(index, count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    // Plain decimal digits only: "+2", " 2" or "2.0" are typos, not shards.
    private static bool TryParseNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
