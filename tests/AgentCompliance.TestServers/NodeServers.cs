namespace AgentCompliance.TestServers;

/// <summary>
/// Where the npm-installed servers live (tests/servers, installed by <c>./build.sh test</c>). A missing install is a
/// test failure with the command that fixes it, never a silent skip.
/// </summary>
public static class NodeServers
{
    public static string Folder => RepositoryLayout.PathOf("tests", "servers");

    /// <summary>The path of a file inside tests/servers/node_modules, which must exist.</summary>
    public static string InstalledFile(params string[] parts)
    {
        var path = Path.Combine([Folder, "node_modules", .. parts]);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: install the test servers with `npm ci --prefix tests/servers` (./build.sh test does this)");
    }

    /// <summary>A script of ours in tests/servers (configurations, the loopback preload).</summary>
    public static string Script(string name)
    {
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"test server script {path} is missing", path);
    }
}
