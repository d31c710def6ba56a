namespace AgentCompliance.Probes.Spiffe;

/// <summary>What checking one JWT-SVID found: every problem, and its decoded header and claims for evidence.</summary>
/// <param name="Problems">Empty when the JWT-SVID holds.</param>
/// <param name="DecodedClaims">Header and payload as JSON text (no signature), or a note when it could not be decoded.</param>
public sealed record JwtSvidFindings(IReadOnlyList<string> Problems, string DecodedClaims);
