using System.Diagnostics;
using System.Globalization;

namespace AgentCompliance.Containers;

/// <summary>
/// Labels on every container, network and image a run creates. Without the resource reaper they are how the run finds
/// what to remove, also after a failed start, and how a later run recognises leftovers of one that crashed: the owner
/// label names the host, process id and process start time, so a live run on the same daemon is never swept.
/// </summary>
public sealed record RunLabels(string RunId, string Owner)
{
    public const string RunKey = "org.agentcompliance.run";

    public const string OwnerKey = "org.agentcompliance.owner";

    /// <summary>Labels for a new run owned by this process.</summary>
    public static RunLabels ForThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new RunLabels(Guid.NewGuid().ToString("N")[..12], OwnerOf(Environment.MachineName, process.Id, process.StartTime));
    }

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        [RunKey] = RunId,
        [OwnerKey] = Owner,
    };

    /// <summary>The label value that identifies one process on one host.</summary>
    public static string OwnerOf(string host, int processId, DateTime startTime) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}/{processId}/{startTime.ToUniversalTime().Ticks}");

    /// <summary>True when the owner is a process of this host that no longer runs (its id gone or reused).</summary>
    public static bool IsDeadOwner(string owner)
    {
        var parts = owner.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return OwnerOf(parts[0], processId, process.StartTime) != owner;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
