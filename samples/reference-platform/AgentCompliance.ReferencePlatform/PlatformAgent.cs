namespace AgentCompliance.ReferencePlatform;

/// <summary>An agent of the platform and the OAuth client it authenticates as.</summary>
/// <param name="Name">The agent's name, as the demo profile and system model call it.</param>
/// <param name="ClientId">Its client at the token service; two agents sharing one is a weakness.</param>
/// <param name="AuthMethod">How it authenticates at the token endpoint: <c>client_secret_basic</c> or <c>client_secret_post</c>.</param>
/// <param name="Scopes">The scopes its task needs.</param>
/// <param name="Tools">The tools its task needs.</param>
public sealed record PlatformAgent(string Name, string ClientId, string AuthMethod, IReadOnlyList<string> Scopes, IReadOnlyList<string> Tools);
