using Newtonsoft.Json;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// The value of one container environment variable: a literal written in the profile, or a reference to a secret
/// (<c>{env: NAME}</c> / <c>{file: path}</c>) that is read only when the container starts and never written anywhere.
/// </summary>
[JsonConverter(typeof(ContainerEnvironmentValueConverter))]
public sealed record ContainerEnvironmentValue
{
    /// <summary>The literal value, or null for a secret.</summary>
    public string? Literal { get; init; }

    /// <summary>Where the secret is read, or null for a literal.</summary>
    public SecretReference? Secret { get; init; }

    public static ContainerEnvironmentValue FromLiteral(string value) => new() { Literal = value };

    public static ContainerEnvironmentValue FromSecret(SecretReference secret) => new() { Secret = secret };

    /// <summary>The value to hand to the container: the literal, or the secret read now.</summary>
    /// <exception cref="Diagnostics.InvalidInputException">A secret's variable is unset or its file unreadable.</exception>
    public string Resolve() => Literal ?? Secret?.Resolve() ?? string.Empty;
}
