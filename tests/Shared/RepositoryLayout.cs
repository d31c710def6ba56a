namespace AgentCompliance.Tests;

/// <summary>Locates files of the repository (samples, schemas, docs) from the test output folder; linked into each test project.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentCompliance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AgentCompliance.sln not found above the test folder");
    }
}
