using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Audit;

/// <summary>The trail a profile names, with the profile's read limit.</summary>
public static class AuditTrails
{
    /// <summary>The trail at <paramref name="location"/>; an endpoint is read with <paramref name="http"/>, whose response cap should be the trail's byte limit.</summary>
    public static IAuditTrail For(AuditLogLocation location, ProbeHttpClient http)
    {
        ArgumentNullException.ThrowIfNull(location);
        var limits = LimitsFor(location);
        return location switch
        {
            { File: { } file } => new FileAuditTrail(file, limits),
            { Url: { } url } => new HttpAuditTrail(http, url, limits),
            _ => throw new ProbeFailedException("target.auditLog names neither a file nor a url, so there is no audit trail to read"),
        };
    }

    public static AuditTrailLimits LimitsFor(AuditLogLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new AuditTrailLimits { MaxBytes = location.MaxBytes };
    }
}
