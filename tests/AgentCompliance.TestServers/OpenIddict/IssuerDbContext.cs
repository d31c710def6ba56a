using Microsoft.EntityFrameworkCore;

namespace AgentCompliance.TestServers.OpenIddict;

/// <summary>OpenIddict's entities (applications, authorizations, scopes, tokens) in an in-memory store.</summary>
internal sealed class IssuerDbContext(DbContextOptions<IssuerDbContext> options) : DbContext(options);
