namespace AgentCompliance.ReferencePlatform.TokenService;

/// <summary>A client registered at the token service.</summary>
/// <param name="ClientId">The OAuth client id, also the <c>sub</c> of its client_credentials tokens.</param>
/// <param name="Secret">Its client secret.</param>
/// <param name="Scopes">Scopes it may request.</param>
/// <param name="IsPortal">The approval portal signs people in (password grant); agents use client_credentials and token exchange.</param>
internal sealed record TokenServiceClient(string ClientId, string Secret, IReadOnlyList<string> Scopes, bool IsPortal);
