using System.Security.Cryptography.X509Certificates;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>An X.509-SVID as read: the leaf certificate, the intermediates presented with it, and where it came from.</summary>
/// <param name="Leaf">The SVID itself.</param>
/// <param name="Intermediates">Certificates presented after the leaf, used only to build the chain.</param>
/// <param name="Source">Where it was read, for messages, e.g. <c>file certs/planner.pem</c>.</param>
public sealed record X509Svid(X509Certificate2 Leaf, IReadOnlyList<X509Certificate2> Intermediates, string Source);
