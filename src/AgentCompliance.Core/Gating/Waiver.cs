using System.Globalization;

namespace AgentCompliance.Core.Gating;

/// <summary>
/// An accepted failure: exactly one of <see cref="Control"/>, <see cref="Scenario"/> or <see cref="Fingerprint"/>
/// says what it covers; it is valid through <see cref="Expires"/> (UTC) and names where it was written, so an expired
/// waiver can point at itself.
/// </summary>
public sealed record Waiver
{
    /// <summary>Canonical catalog control ID; covers failed scenarios tagged with it.</summary>
    public string? Control { get; init; }

    /// <summary><c>path.feature:line</c> or <c>Feature name/Scenario name</c>.</summary>
    public string? Scenario { get; init; }

    /// <summary>A scenario failure's <see cref="ScenarioFingerprint"/>.</summary>
    public string? Fingerprint { get; init; }

    public required string Justification { get; init; }

    public required string Owner { get; init; }

    /// <summary>Last day the waiver is valid.</summary>
    public required DateOnly Expires { get; init; }

    /// <summary>Waiver file as given by the user.</summary>
    public required string File { get; init; }

    /// <summary>Line of the waiver's entry in <see cref="File"/>.</summary>
    public int Line { get; init; }

    /// <summary><c>file:line</c>, how messages name the waiver.</summary>
    public string Location => $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>control ASI03</c>, <c>scenario x.feature:4</c> or <c>fingerprint 0123…</c>.</summary>
    public string Key => Control is not null ? $"control {Control}" : Scenario is not null ? $"scenario {Scenario}" : $"fingerprint {Fingerprint}";

    /// <summary>Valid on <paramref name="day"/>: the expiry day itself still counts.</summary>
    public bool IsActiveOn(DateOnly day) => Expires >= day;

    public string ExpiresText => Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
