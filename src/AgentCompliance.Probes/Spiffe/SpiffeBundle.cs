using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// A trust domain's bundle: the X.509 authorities X.509-SVIDs chain to and the keys JWT-SVIDs are signed with.
/// Entries that could not be used are listed, so a malformed bundle is visible rather than silently smaller.
/// </summary>
public sealed record SpiffeBundle(
    IReadOnlyList<X509Certificate2> X509Authorities,
    IReadOnlyList<JsonWebKey> JwtAuthorities,
    IReadOnlyList<string> IgnoredEntries,
    string Source);
