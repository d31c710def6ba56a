namespace AgentCompliance.TestServers.OpenIddict;

/// <summary>A client registered at the test issuer: an agent (client_credentials, token exchange) or the approval portal.</summary>
/// <param name="ClientId">The OAuth client id, also the <c>sub</c> of its client_credentials tokens.</param>
/// <param name="Method">How it authenticates at the token endpoint (registered name, e.g. <c>private_key_jwt</c>).</param>
/// <param name="Scopes">Scopes it may request.</param>
/// <param name="Apis">Names of the APIs (under <c>/api/</c>) it may request as resources.</param>
public sealed record IssuerClient(string ClientId, string Method, IReadOnlyList<string> Scopes, IReadOnlyList<string> Apis);
