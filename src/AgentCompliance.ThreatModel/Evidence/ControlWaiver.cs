namespace AgentCompliance.ThreatModel.Evidence;

/// <summary>An accepted failure of one control, valid until <see cref="Expires"/> (waiver files arrive later; this is their seam).</summary>
public sealed record ControlWaiver(string ControlId, string Justification, DateOnly Expires)
{
    public string? Owner { get; init; }
}
