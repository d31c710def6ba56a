namespace AgentCompliance.Probes.Transport;

/// <summary>One URL of the target profile the harness talks to, with the profile key that names it.</summary>
/// <param name="Key">Where the profile sets it, e.g. <c>target.identityProvider.tokenEndpoint</c>.</param>
/// <param name="Url">The URL.</param>
public sealed record ProfileEndpoint(string Key, Uri Url);
