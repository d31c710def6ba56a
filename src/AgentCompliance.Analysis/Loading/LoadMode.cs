namespace AgentCompliance.Analysis.Loading;

/// <summary>How the analysed code was turned into compilations.</summary>
public enum LoadMode
{
    /// <summary>A <c>.sln</c>/<c>.slnx</c> loaded through MSBuild: real references where the projects were restored.</summary>
    Solution,

    /// <summary>A <c>.csproj</c> loaded through MSBuild.</summary>
    Project,

    /// <summary>Every <c>.cs</c> file under a folder, compiled against the running framework only.</summary>
    Folder,
}
