using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Json;

/// <summary>
/// The status strings of results.json. An explicit table rather than the enum's C# names, so renaming an enum member
/// cannot silently change the file format. The names equal the summary's keys, so readers can count by status.
/// </summary>
internal static class ResultStatusNames
{
    public static string ToJson(ResultStatus status) => status switch
    {
        ResultStatus.Passed => "passed",
        ResultStatus.Failed => "failed",
        ResultStatus.Undefined => "undefined",
        ResultStatus.Pending => "pending",
        ResultStatus.Ambiguous => "ambiguous",
        ResultStatus.Skipped => "skipped",
        ResultStatus.NotRun => "notRun",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown result status"),
    };

    public static bool TryParse(string? text, out ResultStatus status)
    {
        foreach (var candidate in Enum.GetValues<ResultStatus>())
        {
            if (string.Equals(ToJson(candidate), text, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
