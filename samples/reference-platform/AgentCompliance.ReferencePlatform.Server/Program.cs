using System.Runtime.InteropServices;
using AgentCompliance.ReferencePlatform;
using AgentCompliance.ReferencePlatform.Server;

// Runs the reference platform until Ctrl-C or SIGTERM (docker stop). Prints where each component answers, never a secret.
ServerSettings settings;
PlatformConfiguration configuration;
PlatformListenOptions listen;
try
{
    settings = ServerSettings.Parse(args, Environment.GetEnvironmentVariable);
    configuration = PlatformConfiguration.FromName(settings.Get("configuration") ?? PlatformConfiguration.HardenedName);
    configuration = configuration with
    {
        PolicyFile = settings.Get("policy-file") ?? configuration.PolicyFile,
        CerbosUrl = settings.Get("cerbos-url") is { } cerbos ? new Uri(cerbos) : null,
    };
    var bind = settings.Get("bind") ?? "127.0.0.1";
    listen = new PlatformListenOptions
    {
        BindAddress = bind,
        PublicHost = settings.Get("public-host") ?? (bind == "0.0.0.0" ? "localhost" : bind),
        IssuerPort = settings.Port("issuer-port"),
        GatewayPort = settings.Port("gateway-port"),
        McpPort = settings.Port("mcp-port"),
        AuditFile = settings.Get("audit-file"),
        ClientSecrets = configuration.ClientIds
            .Select(id => (id, secret: settings.Secret("secret-" + id)))
            .Where(pair => pair.secret is not null)
            .ToDictionary(pair => pair.id, pair => pair.secret!, StringComparer.Ordinal),
        HumanPassword = settings.Secret("human-password"),
    };
}
catch (Exception e) when (e is ArgumentException or UriFormatException or IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    await Console.Error.WriteLineAsync(ServerSettings.Usage);
    return 2;
}

// SIGINT (Ctrl-C) and SIGTERM (docker stop) end the wait below, so the platform stops in order.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var platform = await ReferencePlatformHost.StartAsync(configuration, listen, stop.Token);
if (settings.Get("secrets-dir") is { } secretsFolder)
{
    Directory.CreateDirectory(secretsFolder);
    foreach (var agent in platform.Agents.DistinctBy(a => a.Agent.ClientId))
    {
        var path = Path.Combine(secretsFolder, agent.Agent.ClientId);
        await File.WriteAllTextAsync(path, agent.Secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

var endpoints = platform.Endpoints;
Console.WriteLine($"reference platform ({configuration.Name}) running; Ctrl-C stops it");
Console.WriteLine($"  issuer                  {endpoints.Issuer}");
Console.WriteLine($"  token endpoint          {endpoints.TokenEndpoint}");
Console.WriteLine($"  agent gateway           {endpoints.Gateway}");
Console.WriteLine($"  policy decision point   {endpoints.PolicyDecisionPoint}");
Console.WriteLine($"  audit events            {endpoints.AuditEvents} (file {platform.AuditFile})");
Console.WriteLine($"  MCP tool server         {endpoints.Mcp}");
foreach (var agent in platform.Agents)
{
    Console.WriteLine($"  agent {agent.Agent.Name,-16} client {agent.Agent.ClientId}");
}

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopping is the normal way out.
}

return 0;
