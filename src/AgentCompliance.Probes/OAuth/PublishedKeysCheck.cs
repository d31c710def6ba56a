using AgentCompliance.Probes.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// An issuer's JWKS publishes verification keys only: public asymmetric keys (RSA, EC, OKP), each with a <c>kid</c>.
/// A symmetric key (<c>kty: oct</c>) or private key parameters in a public document let anyone mint valid tokens.
/// </summary>
public static class PublishedKeysCheck
{
    public static CheckOutcome Check(JsonWebKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Keys.Count == 0)
        {
            return CheckOutcome.Fail("the JWKS holds no key");
        }

        var violations = new List<string>();
        foreach (var key in keys.Keys)
        {
            var name = string.IsNullOrEmpty(key.Kid) ? "a key without 'kid'" : $"key '{key.Kid}'";
            if (key.Kty == JsonWebAlgorithmsKeyTypes.Octet || !string.IsNullOrEmpty(key.K))
            {
                violations.Add($"{name} is a symmetric secret (kty 'oct') published for anyone to read");
            }
            else if (!string.IsNullOrEmpty(key.D) || !string.IsNullOrEmpty(key.P) || !string.IsNullOrEmpty(key.Q))
            {
                violations.Add($"{name} includes private key parameters");
            }
            else if (string.IsNullOrEmpty(key.Kid))
            {
                violations.Add("a key has no 'kid', so tokens cannot name it");
            }
        }

        return violations.Count > 0
            ? CheckOutcome.Fail(string.Join("; ", violations))
            : CheckOutcome.Pass($"{keys.Keys.Count} public key(s): {string.Join(", ", keys.Keys.Select(k => $"{k.Kid} ({k.Kty}{(string.IsNullOrEmpty(k.Alg) ? string.Empty : $", {k.Alg}")})"))}");
    }
}
