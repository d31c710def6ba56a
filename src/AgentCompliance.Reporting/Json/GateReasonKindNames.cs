using AgentCompliance.Core.Gating;

namespace AgentCompliance.Reporting.Json;

/// <summary>The gate reason and baseline strings of results.json; an explicit table so renaming an enum member cannot change the format.</summary>
internal static class GateReasonKindNames
{
    public static string ToJson(GateReasonKind kind) => kind switch
    {
        GateReasonKind.FailedAtSeverity => "failedAtSeverity",
        GateReasonKind.NotVerified => "notVerified",
        GateReasonKind.RequiredControlUntested => "requiredControlUntested",
        GateReasonKind.RequiredControlFailed => "requiredControlFailed",
        GateReasonKind.PassRateBelowMinimum => "passRateBelowMinimum",
        GateReasonKind.WaiverExpired => "waiverExpired",
        GateReasonKind.RunIncomplete => "runIncomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown gate reason"),
    };

    public static GateReasonKind Parse(string text) =>
        Enum.GetValues<GateReasonKind>().FirstOrDefault(k => ToJson(k) == text, (GateReasonKind)(-1)) is var kind && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException($"gate reason '{text}' passed the schema but is unknown");

    public static string ToJson(BaselineStatus status) => status == BaselineStatus.New ? "new" : "existing";

    public static BaselineStatus ParseBaseline(string text) => text == "new" ? BaselineStatus.New : BaselineStatus.Existing;
}
