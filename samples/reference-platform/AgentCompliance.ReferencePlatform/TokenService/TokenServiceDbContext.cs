using Microsoft.EntityFrameworkCore;

namespace AgentCompliance.ReferencePlatform.TokenService;

/// <summary>OpenIddict's entities (applications, authorizations, scopes, tokens) in an in-memory store.</summary>
internal sealed class TokenServiceDbContext(DbContextOptions<TokenServiceDbContext> options) : DbContext(options);
