using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Tests;

/// <summary>Bounded clients for tests against loopback servers, recording evidence and redacting registered secrets.</summary>
internal static class ProbeClients
{
    public static ProbeHttpClient Loopback(EvidenceList evidence, SecretRegistry? secrets = null) => new(
        new ProbeHttpOptions { AllowInsecureLoopback = true, RequestTimeout = TimeSpan.FromSeconds(30) },
        evidence,
        new Redactor(secrets ?? new SecretRegistry()));
}
