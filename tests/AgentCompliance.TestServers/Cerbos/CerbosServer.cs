namespace AgentCompliance.TestServers.Cerbos;

/// <summary>
/// A real Cerbos policy decision point (the npm package's static binary) serving one of our policy folders in
/// tests/servers/cerbos on loopback ports, with telemetry off. Its config lives in a temporary folder removed on dispose.
/// </summary>
public sealed class CerbosServer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly string _configFolder;

    private CerbosServer(ServerProcess process, string configFolder)
    {
        _process = process;
        _configFolder = configFolder;
    }

    /// <summary>Base URL of the HTTP API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => _process.BaseUrl;

    /// <summary>What Cerbos printed, for failed-start diagnostics.</summary>
    public string Output => _process.Output;

    /// <summary>The policy folder tests/servers/cerbos/<paramref name="name"/> (hardened or weak).</summary>
    public static string PolicyFolder(string name) => Path.Combine(NodeServers.Folder, "cerbos", name);

    /// <summary>The binary inside the npm package.</summary>
    public static string Binary => NodeServers.InstalledFile("@cerbos", "cerbos-linux-x64", "cerbos-linux-x64");

    /// <summary>Starts Cerbos on the policies of tests/servers/cerbos/<paramref name="policies"/>.</summary>
    public static async Task<CerbosServer> StartAsync(string policies)
    {
        var folder = PolicyFolder(policies);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"no Cerbos policy folder {folder}");
        }

        var configFolder = Directory.CreateTempSubdirectory("agentcompliance-cerbos-").FullName;
        var httpPort = LoopbackPort.GetFree();
        var grpcPort = LoopbackPort.GetFree();
        var config = Path.Combine(configFolder, "config.yaml");
        await File.WriteAllTextAsync(config, $"""
            server:
              httpListenAddr: "127.0.0.1:{httpPort}"
              grpcListenAddr: "127.0.0.1:{grpcPort}"
            storage:
              driver: disk
              disk:
                directory: "{folder}"
                watchForChanges: false
            telemetry:
              disabled: true
            """).ConfigureAwait(false);
        try
        {
            var process = await ServerProcess.StartAsync(
                Binary,
                ["server", $"--config={config}"],
                httpPort,
                new Dictionary<string, string> { ["CERBOS_NO_TELEMETRY"] = "1" },
                workingDirectory: configFolder).ConfigureAwait(false);
            return new CerbosServer(process, configFolder);
        }
        catch
        {
            Directory.Delete(configFolder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_configFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
