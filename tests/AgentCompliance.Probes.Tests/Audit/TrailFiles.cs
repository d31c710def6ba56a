namespace AgentCompliance.Probes.Tests.Audit;

/// <summary>A temporary folder for audit trail files, removed on dispose.</summary>
internal sealed class TrailFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("agentcompliance-audit-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
