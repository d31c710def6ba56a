using AgentCompliance.Core.Configuration;
using AgentCompliance.ReferencePlatform;
using AgentCompliance.ReferencePlatform.Mcp;

namespace AgentCompliance.Cli.Demo;

/// <summary>
/// The target profile of a running reference platform, built in memory for its actual ports: its token service,
/// gateway, decision point, MCP server and audit trail, its three agents and the approving person. Secrets are never
/// in the profile: each agent's client secret and the person's token are written to files (readable only by this
/// user) in a folder the caller owns and removes, and referenced with <c>{file: ...}</c>, so the run registers them
/// for redaction like any profile's secrets.
/// </summary>
public static class ReferencePlatformProfile
{
    /// <summary>The MCP server's name in the profile (and in its pin file's name).</summary>
    public const string McpServerName = "tool-server";

    /// <summary>The approving person's name in the profile, as the system model calls them.</summary>
    public const string HumanName = "refund-approver";

    /// <summary>Writes the secrets to <paramref name="secretsFolder"/> and returns the profile; features and the rest are the caller's.</summary>
    /// <param name="platform">The running platform.</param>
    /// <param name="secretsFolder">An existing folder only this run uses; the caller deletes it afterwards.</param>
    /// <param name="toolPinFile">The reviewed pin of the MCP server's tools, or null for none.</param>
    /// <param name="cancellationToken">Stops obtaining the person's token.</param>
    public static async Task<TargetProfile> CreateAsync(ReferencePlatformHost platform, string secretsFolder, string? toolPinFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentException.ThrowIfNullOrEmpty(secretsFolder);
        var endpoints = platform.Endpoints;
        var agents = new List<AgentIdentity>();
        foreach (var credentials in platform.Agents)
        {
            var agent = credentials.Agent;
            agents.Add(new AgentIdentity
            {
                Name = agent.Name,
                ClientId = agent.ClientId,
                Credentials = SecretReference.FromFile(await WriteSecretAsync(secretsFolder, $"{agent.ClientId}.secret", credentials.Secret, cancellationToken).ConfigureAwait(false)),
                AuthMethod = agent.AuthMethod == "client_secret_post" ? ClientAuthenticationMethod.ClientSecretPost : ClientAuthenticationMethod.ClientSecretBasic,
                AllowedScopes = agent.Scopes,
                AllowedTools = agent.Tools,
                Resource = endpoints.Mcp,
            });
        }

        var humanToken = await platform.IssueHumanTokenAsync(cancellationToken).ConfigureAwait(false);
        var humanTokenFile = await WriteSecretAsync(secretsFolder, "refund-approver.token", humanToken, cancellationToken).ConfigureAwait(false);
        return new TargetProfile
        {
            Version = 1,
            Name = $"reference-platform-{platform.Configuration.Name}",
            Description = $"The reference agent platform ({platform.Configuration.Name}), started in process on 127.0.0.1.",
            Target = new TargetEndpoints
            {
                IdentityProvider = new IdentityProviderEndpoints { Issuer = endpoints.Issuer },
                AgentGateway = new AgentGatewayEndpoint { BaseUrl = endpoints.Gateway },
                PolicyDecisionPoint = new PolicyDecisionPointEndpoint { Kind = PolicyDecisionPointKind.Cerbos, Url = endpoints.PolicyDecisionPoint },
                McpServers =
                [
                    new McpServerEndpoint
                    {
                        Name = McpServerName,
                        Url = endpoints.Mcp,
                        Transport = McpTransport.StreamableHttp,
                        ExpectedTools = PlatformTools.Names,
                        Agent = platform.Agents[0].Agent.Name,
                        ToolPinFile = toolPinFile,
                    },
                ],
                AuditLog = new AuditLogLocation { Url = endpoints.AuditEvents },
            },
            Agents = agents,
            Humans = [new HumanIdentity { Name = HumanName, Subject = ReferencePlatformHost.HumanSubject, SubjectToken = SecretReference.FromFile(humanTokenFile) }],
            Transport = new TransportSettings { AllowInsecureLoopback = true },
            Timeouts = new TimeoutSettings { RequestSeconds = 10, StepSeconds = 60 },
        };
    }

    private static async Task<string> WriteSecretAsync(string folder, string name, string secret, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, string.Empty, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await File.WriteAllTextAsync(path, secret, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
